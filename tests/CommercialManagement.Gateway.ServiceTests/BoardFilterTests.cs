using CommercialManagement.Gateway.Features.Administration;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>The board's filters in its address and in the Dossier service's query: « Solde en retard » (overdue) among them.</summary>
public sealed class BoardFilterTests
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
}
