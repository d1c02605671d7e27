/*
 * The tags of each account as AWS Organizations last answered them, per
 * provider, so that a full refresh can carry them (`events.accountTagsMaxAge`)
 * while CloudTrail events cover the changes in between. A row without tags
 * says the account's tags must be read again (a change the events could
 * not apply); `read_at` orders writes from several replicas.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_platform_account_tags', table => {
    table.comment(
      'The tags of each account as last read from AWS Organizations, per provider',
    );
    table
      .string('provider_name', 255)
      .notNullable()
      .comment('The entity provider, e.g. AwsPlatformEntityProvider:prod');
    table.string('account_id', 12).notNullable().comment('The account');
    table
      .text('tags')
      .nullable()
      .comment('The tags as JSON; null when they must be read again');
    table
      .bigInteger('read_at')
      .notNullable()
      .comment('When they were read (or marked), in ms since the epoch');
    table.primary(['provider_name', 'account_id']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aws_platform_account_tags');
};
