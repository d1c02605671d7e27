module.exports = require('./splitProject.cjs').splitProject('unit');
