using System.Net;
using System.Net.Sockets;

namespace CommercialManagement.AppHost.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback port free now; fixed for the AppHost's life, so a restarted server keeps it.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
