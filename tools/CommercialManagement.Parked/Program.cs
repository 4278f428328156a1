using CommercialManagement.BuildingBlocks.Messaging.Redelivery;

// Messages parked after every retry and redelivery (docs/reliability.md): how many wait, and their replay once the cause is fixed.
//   count  --broker amqp://user:password@host:5672/ QUEUE...
//   replay --broker amqp://user:password@host:5672/ QUEUE...
// QUEUE is a consumer's queue (dossier-request-received), as the Error log line and the messaging.parked metric name it;
// its messages wait in QUEUE_error. The broker address may also come from CM_BROKER, to keep its password off the command line.
if (args.Length < 2 || args[0] is not ("count" or "replay"))
{
    Console.Error.WriteLine("usage: (count | replay) [--broker amqp://...] QUEUE...   (or the broker in CM_BROKER)");
    return 2;
}

var broker = Environment.GetEnvironmentVariable("CM_BROKER");
var queues = new List<string>();
for (var i = 1; i < args.Length; i++)
{
    if (args[i] == "--broker" && i + 1 < args.Length)
    {
        broker = args[++i];
    }
    else
    {
        queues.Add(args[i].EndsWith(ParkedMessages.ErrorSuffix, StringComparison.Ordinal) ? args[i][..^ParkedMessages.ErrorSuffix.Length] : args[i]);
    }
}

if (string.IsNullOrWhiteSpace(broker) || !Uri.TryCreate(broker, UriKind.Absolute, out var address) || queues.Count == 0)
{
    Console.Error.WriteLine("a broker address (--broker or CM_BROKER) and at least one queue are needed");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
if (args[0] == "count")
{
    foreach (var (queue, count) in await ParkedMessages.CountAsync(address, queues, stop.Token))
    {
        Console.WriteLine($"{queue}{ParkedMessages.ErrorSuffix}\t{count}");
    }

    return 0;
}

foreach (var queue in queues)
{
    var moved = await ParkedMessages.ReplayAsync(address, queue, stop.Token);
    Console.WriteLine($"{queue}: {moved} message(s) put back");
}

return 0;
