using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>Cases known before the payment emails get their customer's address and language from the emails already sent.</summary>
public sealed class PaymentEmailsMigrationTests
{
    [Fact]
    public async Task CasesKnownBefore_TakeTheAddressAndLanguageOfTheLatestCustomerEmail()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync("notification_migration");
        await using var db = new NotificationDbContext(
            new DbContextOptionsBuilder<NotificationDbContext>()
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")).Options,
            new TenantContext(null));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261129070625_QuoteEmailsAndCases");
        var organisation = Guid.NewGuid();
        var (english, french, silent) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO cases ("RequestId", "OrganisationId", "CustomerSpaceToken", "TokenChangedAt")
                VALUES (@english, @org, 'Tk-1', now()), (@french, @org, 'Tk-2', now()), (@silent, @org, 'Tk-3', now());
                INSERT INTO emails ("Id", "OrganisationId", "SourceMessageId", "Kind", "CaseId", "To", "FromName", "Subject", "HtmlBody", "TextBody",
                                    "Status", "Attempts", "QueuedAt", "NextAttemptAt")
                VALUES
                  (gen_random_uuid(), @org, gen_random_uuid(), 'RequestAcknowledgement', @english, 'first@example.fr', 'X', 'S',
                   '<!DOCTYPE html><html lang="fr"><head>', 'T', 'Sent', 1, now() - interval '2 days', now()),
                  (gen_random_uuid(), @org, gen_random_uuid(), 'QuoteSent', @english, 'latest@example.co.uk', 'X', 'S',
                   '<!DOCTYPE html><html lang="en"><head>', 'T', 'Sent', 1, now() - interval '1 day', now()),
                  (gen_random_uuid(), @org, gen_random_uuid(), 'StaffReply', @french, 'elodie@example.fr', 'X', 'S',
                   '<!DOCTYPE html><html lang="fr"><head>', 'T', 'Sent', 1, now(), now()),
                  (gen_random_uuid(), @org, gen_random_uuid(), 'CustomerReplyAlert', @silent, 'staff@example.fr', 'X', 'S',
                   '<!DOCTYPE html><html lang="fr"><head>', 'T', 'Sent', 1, now(), now());
                """,
                connection);
            command.Parameters.AddWithValue("org", organisation);
            command.Parameters.AddWithValue("english", english);
            command.Parameters.AddWithValue("french", french);
            command.Parameters.AddWithValue("silent", silent);
            await command.ExecuteNonQueryAsync();
        }

        await migrator.MigrateAsync();

        var cases = await db.Cases.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(c => c.RequestId);
        Assert.Equal(("latest@example.co.uk", "en"), (cases[english].CustomerEmail, cases[english].Language));
        Assert.Equal(("elodie@example.fr", "fr"), (cases[french].CustomerEmail, cases[french].Language));
        Assert.NotNull(cases[french].CustomerChangedAt);
        // An alert to staff says nothing of the customer.
        Assert.Equal((null, null), (cases[silent].CustomerEmail, cases[silent].Language));
        Assert.Equal("Tk-3", cases[silent].CustomerSpaceToken);
    }
}
