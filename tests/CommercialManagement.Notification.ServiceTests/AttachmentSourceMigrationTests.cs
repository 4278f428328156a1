using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Notification.Worker.Documents;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>The attachments queued before invoices were emailed are quotes' PDFs: still fetched from the Quote service.</summary>
public sealed class AttachmentSourceMigrationTests
{
    [Fact]
    public async Task AttachmentsQueuedBefore_AreFetchedFromTheQuoteService()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync("notification_attachment_source");
        await using var db = new NotificationDbContext(
            new DbContextOptionsBuilder<NotificationDbContext>()
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")).Options,
            new TenantContext(null));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261204053623_AttachmentsFetchedWhenSent");
        var (organisation, email) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO emails ("Id", "OrganisationId", "SourceMessageId", "Kind", "RegardingId", "RegardingVersion", "To", "FromName", "Subject",
                                    "HtmlBody", "TextBody", "Status", "Attempts", "QueuedAt", "NextAttemptAt", "Priority")
                VALUES (@email, @org, gen_random_uuid(), 'QuoteSent', gen_random_uuid(), 1, 'quote@example.fr', 'X', 'S', 'H', 'T', 'Queued', 0, now(), now(), 0);
                INSERT INTO email_attachments ("Id", "OrganisationId", "EmailId", "FileName", "ContentType", "Content", "Pending")
                VALUES (gen_random_uuid(), @org, @email, 'DEV-2026-00042.pdf', 'application/pdf', ''::bytea, true);
                """,
                connection);
            command.Parameters.AddWithValue("org", organisation);
            command.Parameters.AddWithValue("email", email);
            await command.ExecuteNonQueryAsync();
        }

        await migrator.MigrateAsync();

        var attachment = await db.Attachments.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.EmailId == email);
        Assert.Equal(DocumentSource.Quote, attachment.Source);
        Assert.True(attachment.Pending);
    }
}
