using CommercialManagement.Gateway.Features.Administration;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>
/// The board's and « Pilotage »'s filters in their address and in the Dossier service's query: « Solde en retard »
/// (overdue) among them; a search with « &amp; » or spaces comes back whole, what cannot be read is left out.
/// </summary>
public sealed class AddressFilterTests
{
    [Fact]
    public void OverdueOnly_GoesToTheQuery_AndComesBackFromTheAddress()
    {
        var filter = new BoardFilter("Martin", "none", new DateOnly(2027, 2, 1), null, UnreadOnly: false, OverdueOnly: true);

        var query = filter.Query();

        Assert.Equal("search=Martin&assignee=none&arrivalFrom=2027-02-01&overdue=true", query);
        Assert.Equal(filter, BoardFilter.FromQuery("?" + query));
        Assert.False(BoardFilter.FromQuery("?unread=true").OverdueOnly);
    }

    [Fact]
    public void A_search_with_reserved_characters_comes_back_whole_and_unreadable_values_are_left_out()
    {
        var filter = new BoardFilter("  Dupont & fils #2 ", null, null, new DateOnly(2027, 3, 31), UnreadOnly: true);

        var query = filter.Query();

        Assert.Equal("search=Dupont%20%26%20fils%20%232&arrivalTo=2027-03-31&unread=true", query);
        Assert.Equal(filter with { Search = "Dupont & fils #2" }, BoardFilter.FromQuery("?" + query));
        Assert.Equal(new BoardFilter(null, null, null, null, false), BoardFilter.FromQuery("?assignee=bob&arrivalFrom=31/03/2027&unread=yes&search=%20"));
    }

    [Fact]
    public void Pilotage_keeps_its_period_and_agent_and_drops_what_it_cannot_read()
    {
        var agent = Guid.NewGuid();
        var filter = new ReportFilter(new DateOnly(2026, 12, 1), new DateOnly(2027, 4, 30), agent.ToString());

        Assert.Equal($"from=2026-12-01&to=2027-04-30&assignee={agent}", filter.Query());
        Assert.Equal(filter, ReportFilter.FromQuery("?" + filter.Query()));
        Assert.Equal(new ReportFilter(null, new DateOnly(2027, 1, 31), null), ReportFilter.FromQuery("?from=2026-13-01&to=2027-01-31&assignee=none"));
        Assert.Equal("", new ReportFilter(null, null, null).Query());
    }
}
