module.exports = require('./splitProject.cjs').splitProject('emulator');
