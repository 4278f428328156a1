using CommercialManagement.BuildingBlocks.Persistence;
using Npgsql;

namespace CommercialManagement.BuildingBlocks.UnitTests;

public sealed class ConnectionTuningTests
{
    [Fact]
    public void ServiceConnection_GetsNoResetOnCloseAndAutoPrepare_KeepingEverythingElse()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply("Host=127.0.0.1;Port=5432;Database=inboxdb;Username=postgres;Password=x;Maximum Pool Size=20"));

        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.Equal(("127.0.0.1", 5432, "inboxdb", "postgres", "x", 20), (tuned.Host, tuned.Port, tuned.Database, tuned.Username, tuned.Password, tuned.MaxPoolSize));
    }

    [Fact]
    public void ConnectionThatSaysOtherwise_IsLeftAsItSays()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply("Host=db;Database=quotedb;No Reset On Close=false;Max Auto Prepare=0"));

        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(0, tuned.MaxAutoPrepare);
    }
}
