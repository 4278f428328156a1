using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>Emails logged before replies by email keep their place in their case's thread: the next email answers them.</summary>
public sealed class RepliesByEmailMigrationTests
{
    [Fact]
    public async Task EmailsLoggedBefore_KeepTheMessageIdTheyLeftWith_AndOnlyTheCustomersOnesThread()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync("notification_migration");
        await using var db = new NotificationDbContext(
            new DbContextOptionsBuilder<NotificationDbContext>()
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")).Options,
            new TenantContext(null));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261204175548_InvoiceEmails");
        var (acknowledgement, alert, queued) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO emails ("Id", "OrganisationId", "SourceMessageId", "Kind", "CaseId", "To", "FromName", "Subject", "HtmlBody", "TextBody",
                                    "Status", "Attempts", "QueuedAt", "NextAttemptAt", "SentAt", "Priority")
                VALUES
                  (@ack, @org, gen_random_uuid(), 'RequestAcknowledgement', @case, 'elodie@example.fr', 'X', 'S', 'H', 'T', 'Sent', 1, now(), now(), now(), 1),
                  (@alert, @org, gen_random_uuid(), 'CustomerReplyAlert', @case, 'staff@example.fr', 'X', 'S', 'H', 'T', 'Sent', 1, now(), now(), now(), 0),
                  (@queued, @org, gen_random_uuid(), 'StaffReply', @case, 'elodie@example.fr', 'X', 'S', 'H', 'T', 'Queued', 0, now(), now(), NULL, 0);
                """,
                connection);
            command.Parameters.AddWithValue("ack", acknowledgement);
            command.Parameters.AddWithValue("alert", alert);
            command.Parameters.AddWithValue("queued", queued);
            command.Parameters.AddWithValue("org", Guid.NewGuid());
            command.Parameters.AddWithValue("case", Guid.NewGuid());
            await command.ExecuteNonQueryAsync();
        }

        await migrator.MigrateAsync();

        var emails = await db.Emails.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(e => e.Id);
        // The Message-ID the worker gave them then.
        Assert.Equal($"{acknowledgement:N}@commercialmanagement", emails[acknowledgement].InternetMessageId);
        Assert.Null(emails[queued].InternetMessageId);
        Assert.True(emails[acknowledgement].ToCustomer);
        Assert.True(emails[queued].ToCustomer);
        Assert.False(emails[alert].ToCustomer);
    }
}
