using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>
/// The Quote service in process. Its clock starts on 20 November 2026 (and runs), so the February 2027 stays of the
/// tests stay in the future, and deposits, balances and validity dates are the same whenever the tests run. Besides the
/// gateway's public key, it gets the Notification worker's, for the document route (as the AppHost gives them).
/// </summary>
public sealed class QuoteFactory : ServiceFactory<Program>
{
    public QuoteFactory()
        : base(ResourceNames.QuoteDb)
    {
    }

    /// <summary>A second host on the database of another (the scheduler's cluster tests).</summary>
    internal QuoteFactory(string connectionString)
        : base(ResourceNames.QuoteDb, connectionString)
    {
    }

    public static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public ShiftedClock Clock { get; } = new(Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(TokenKeys.NotificationPublicKey, Tokens.NotificationPublicKey);
    }

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
    {
        private TimeSpan _shift = start - DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _shift;

        /// <summary>Moves the service's days forward (or back); only for a test alone in its class's factory.</summary>
        public void Advance(TimeSpan by) => _shift += by;
    }
}
