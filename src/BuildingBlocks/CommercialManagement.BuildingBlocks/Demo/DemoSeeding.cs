using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.BuildingBlocks.Demo;

public static class DemoSeeding
{
    /// <summary>The advisory lock of demo seeding (advisory locks are per database).</summary>
    private const string Lock = "SELECT pg_advisory_lock(51466243)";

    private const string Unlock = "SELECT pg_advisory_unlock(51466243)";

    /// <summary>
    /// Runs a process's demo seeding under a PostgreSQL advisory lock held by its context's connection: two replicas
    /// starting on an empty database would both add the demo rows and one would fail on a key and crash. The second now
    /// waits, then finds the rows there and adds nothing.
    /// </summary>
    public static async Task ExclusivelyAsync(DbContext db, Func<Task> seed)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlRawAsync(Lock);
            try
            {
                await seed();
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync(Unlock);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
