using CommercialManagement.Bench;

// The harness's own processes (./bench.sh, ./faults.sh): the raw anchors the system is measured against, and the drivers of the
// scenarios wrk cannot run. One mode per process; every figure a driver prints is one JSON object on its last line.
return args.FirstOrDefault() switch
{
    "bare" => await Anchors.BareAsync(args[1..]),
    "rawwrite" => await Anchors.RawWriteAsync(args[1..]),
    "proxy" => await Anchors.ProxyAsync(args[1..]),
    "visibility" => await VisibilityDriver.RunAsync(args[1..]),
    "emails" => await EmailBurstDriver.RunAsync(args[1..]),
    "faults-load" => await FaultsLoad.RunAsync(args[1..]),
    "backlog" => await FaultsReconcile.BacklogAsync(args[1..]),
    "reconcile" => await FaultsReconcile.ReconcileAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: CommercialManagement.Bench bare PORT
               CommercialManagement.Bench rawwrite PORT POSTGRES_CONNECTION_STRING
               CommercialManagement.Bench proxy PORT DESTINATION_URL
               CommercialManagement.Bench visibility GATEWAY_URL RATE SECONDS
               CommercialManagement.Bench emails GATEWAY_URL NOTIFICATIONDB_CONNECTION_STRING COUNT
               CommercialManagement.Bench faults-load GATEWAY_URL OUT_DIR [REQUESTS/S LINES/S PAYMENTS/S SANDBOX_PAYMENTS/S [MAIL_CATCHER_URL]]
               CommercialManagement.Bench backlog OUT_DIR POSTGRES_CONNECTION_STRING SINCE_EPOCH BOUND_SECONDS
               CommercialManagement.Bench reconcile OUT_DIR POSTGRES_CONNECTION_STRING
        """);
    return 2;
}
