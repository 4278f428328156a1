using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>
/// The Quote service in process. Its clock starts on 20 November 2026 (and runs), so the February 2027 stays of the
/// tests stay in the future, and deposits, balances and validity dates are the same whenever the tests run.
/// </summary>
public sealed class QuoteFactory() : ServiceFactory<Program>(ResourceNames.QuoteDb)
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(new ShiftedClock(Start));

    private sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan _shift = start - DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _shift;
    }
}
