using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>stripe_events only grew: processed events go after 30 days; flagged ones (staff's anomalies) and pending ones stay.</summary>
public sealed class StripeEventRetentionTests
{
    [Fact]
    public async Task ProcessedEventsPastRetention_ArePruned_FlaggedPendingAndRecentOnesKept()
    {
        await using var factory = new PaymentFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        await using var pruning = factory.WithWebHostBuilder(builder => builder.UseSetting("Scheduler:Enabled", "true").UseSetting("Retention:Cron", "* * * * * ?"));
        _ = pruning.Services;
        var prefix = $"evt_retention_{Guid.NewGuid():N}_";

        await factory.ExecuteAsync($"""
            INSERT INTO stripe_events (id, type, payload, received_at, next_attempt_at, attempts, processed_at, outcome, note) VALUES
              ('{prefix}applied_old', 'checkout.session.completed', '{"{"}{"}"}', now() - interval '40 days', now() - interval '40 days', 0, now() - interval '40 days', 'Applied', 'Paiement enregistré.'),
              ('{prefix}ignored_old', 'customer.created', '{"{"}{"}"}', now() - interval '31 days', now() - interval '31 days', 0, now() - interval '31 days', 'Ignored', 'Type non traité.'),
              ('{prefix}flagged_old', 'checkout.session.completed', '{"{"}{"}"}', now() - interval '400 days', now() - interval '400 days', 0, now() - interval '400 days', 'Flagged', 'Montant différent.'),
              ('{prefix}pending_old', 'checkout.session.completed', '{"{"}{"}"}', now() - interval '60 days', '2100-01-01', 30, NULL, NULL, 'En attente'),
              ('{prefix}applied_recent', 'checkout.session.completed', '{"{"}{"}"}', now() - interval '29 days', now() - interval '29 days', 0, now() - interval '29 days', 'Applied', 'Paiement enregistré.');
            """);

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM stripe_events WHERE id IN (@p0, @p1)", prefix + "applied_old", prefix + "ignored_old") == 0,
            TimeSpan.FromSeconds(20)), "Processed events past their retention were not pruned.");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(
            [prefix + "applied_recent", prefix + "flagged_old", prefix + "pending_old"],
            await IdsAsync(factory, prefix));
    }

    private static async Task<List<string>> IdsAsync(PaymentFactory factory, string prefix)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM stripe_events WHERE id LIKE @p0 ORDER BY id", connection);
        command.Parameters.AddWithValue("p0", prefix + "%");
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
