/*
 * What lets replicas share the event path. The journal keeps each change a
 * replica took from the events topic until it is applied, leased to that
 * replica: when a replica dies, its lease runs out and another takes the
 * change over (the aws-sqs module deletes a message once it has handed it
 * on, so the queue cannot). Scope leases let one replica at a time read and
 * apply an account's changes, so that two deltas of one scope are never
 * applied out of order. Applied changes are remembered with when they were
 * read, so that a full refresh that began before that read and applied
 * after it (on any replica) puts them back in the journal to be read again.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_platform_event_changes', table => {
    table.comment('Changes taken from CloudTrail events and not applied yet');
    table.string('id', 36).primary().comment('A random id');
    table
      .string('provider_name', 255)
      .notNullable()
      .comment('The entity provider, e.g. AwsPlatformEntityProvider:prod');
    table.string('change_key', 512).notNullable().comment('The scope key');
    table.text('change').notNullable().comment('The change as JSON');
    table
      .bigInteger('received_at')
      .notNullable()
      .comment('When a replica took it from the topic, in ms since the epoch');
    table
      .string('holder', 255)
      .notNullable()
      .comment('The replica handling it');
    table
      .bigInteger('lease_until')
      .notNullable()
      .comment('Until when the holder has it, in ms since the epoch');
    table
      .integer('takes')
      .notNullable()
      .defaultTo(1)
      .comment(
        'How many replicas took it: a change that stops each is dropped',
      );
    table.index(['provider_name', 'lease_until']);
  });
  await knex.schema.createTable('aws_platform_applied_changes', table => {
    table.comment(
      'The last change applied per scope key, and when it was read',
    );
    table.string('provider_name', 255).notNullable().comment('The provider');
    table.string('change_key', 512).notNullable().comment('The scope key');
    table.text('change').notNullable().comment('The change as JSON');
    table
      .bigInteger('read_at')
      .notNullable()
      .comment('When its read began, in ms since the epoch');
    table.primary(['provider_name', 'change_key']);
  });
  await knex.schema.createTable('aws_platform_scope_leases', table => {
    table.comment('The account whose changes one replica is reading now');
    table.string('provider_name', 255).notNullable().comment('The provider');
    table.string('account_id', 12).notNullable().comment('The account');
    table.string('holder', 255).notNullable().comment('The replica reading it');
    table
      .bigInteger('lease_until')
      .notNullable()
      .comment('Until when the holder has it, in ms since the epoch');
    table.primary(['provider_name', 'account_id']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aws_platform_scope_leases');
  await knex.schema.dropTable('aws_platform_applied_changes');
  await knex.schema.dropTable('aws_platform_event_changes');
};
