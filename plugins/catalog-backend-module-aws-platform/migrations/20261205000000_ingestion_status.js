/*
 * The last outcome of each AWS Platform entity provider, one row per
 * provider name, kept in the catalog's database so that every backend
 * instance serves the same status and a restart loses nothing.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_platform_ingestion_status', table => {
    table.comment(
      'The last outcome of each AWS Platform entity provider, browser-safe',
    );
    table
      .string('provider_name', 255)
      .primary()
      .notNullable()
      .comment('The entity provider, e.g. AwsPlatformEntityProvider:prod');
    table
      .text('status')
      .notNullable()
      .comment('The browser-safe status of its last run, as JSON');
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now())
      .comment('When the row was last written');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aws_platform_ingestion_status');
};
