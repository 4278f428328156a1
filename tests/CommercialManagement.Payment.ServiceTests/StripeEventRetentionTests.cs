using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>stripe_events only grew: processed events go after 30 days; flagged ones (staff's anomalies) and pending ones stay.</summary>
public sealed class StripeEventRetentionTests
{
    [Fact]
    public async Task ProcessedEventsPastRetention_ArePruned_FlaggedPendingAndRecentOnesKept()
    {
        await using var factory = new PaymentFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        await using var pruning = factory.WithWebHostBuilder(builder => builder.UseSetting("Retention:Interval", "00:00:00.500"));
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
            async () => await factory.CountAsync("SELECT count(*) FROM stripe_events WHERE id LIKE @p0", prefix + "%") == 3,
            TimeSpan.FromSeconds(20)), "Processed events past their retention were not pruned.");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(3, await factory.CountAsync(
            "SELECT count(*) FROM stripe_events WHERE id IN (@p0, @p1, @p2)", prefix + "flagged_old", prefix + "pending_old", prefix + "applied_recent"));
    }
}
