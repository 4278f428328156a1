using System.Collections.Concurrent;
using System.Globalization;

namespace CommercialManagement.Bench;

/// <summary>
/// The files ./faults.sh reads, one line per operation, written as it is answered: <c>requests.tsv</c> (time, request id,
/// email), <c>lines.tsv</c> (time, line id, label, request id), <c>payments.tsv</c> (time, payment id, reference, request id),
/// <c>sandbox-payments.tsv</c> (time, payment request id, checkout session id, request id), <c>sandbox-cases.tsv</c> (time,
/// request id, email: the cases the sandbox stream pays), and every refusal or failure in <c>failures.tsv</c> (time,
/// stream, status or exception).
/// </summary>
internal sealed class FaultsRecords : IDisposable
{
    private readonly StreamWriter _requests;
    private readonly StreamWriter _lines;
    private readonly StreamWriter _payments;
    private readonly StreamWriter _sandboxPayments;
    private readonly StreamWriter _sandboxCases;
    private readonly StreamWriter _failures;
    private readonly ConcurrentDictionary<string, long> _accepted = new();
    private readonly ConcurrentDictionary<string, long> _failed = new();
    private readonly Lock _gate = new();

    public FaultsRecords(string outDir)
    {
        static StreamWriter Open(string dir, string name) => new(Path.Combine(dir, name), append: true) { AutoFlush = true };
        _requests = Open(outDir, "requests.tsv");
        _lines = Open(outDir, "lines.tsv");
        _payments = Open(outDir, "payments.tsv");
        _sandboxPayments = Open(outDir, "sandbox-payments.tsv");
        _sandboxCases = Open(outDir, "sandbox-cases.tsv");
        _failures = Open(outDir, "failures.tsv");
    }

    private static string Now() => (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture);

    private void Write(StreamWriter writer, string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
        }
    }

    public void Request(Guid id, string email) => Write(_requests, $"{Now()}\t{id}\t{email}");

    public void Line(Guid id, string label, Guid requestId) => Write(_lines, $"{Now()}\t{id}\t{label}\t{requestId}");

    public void Payment(Guid id, string reference, Guid requestId) => Write(_payments, $"{Now()}\t{id}\t{reference}\t{requestId}");

    public void SandboxPayment(Guid paymentRequestId, string sessionId, Guid requestId) =>
        Write(_sandboxPayments, $"{Now()}\t{paymentRequestId}\t{sessionId}\t{requestId}");

    public void SandboxCase(Guid requestId, string email) => Write(_sandboxCases, $"{Now()}\t{requestId}\t{email}");

    public void Accepted(string stream) => _accepted.AddOrUpdate(stream, 1, (_, c) => c + 1);

    public void Failure(string stream, string what)
    {
        _failed.AddOrUpdate($"{stream} {what}", 1, (_, c) => c + 1);
        Write(_failures, $"{Now()}\t{stream}\t{what}");
    }

    public string Summary() =>
        "accepted " + string.Join(", ", _accepted.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value}"))
        + "; refused or failed " + (_failed.IsEmpty ? "none" : string.Join(", ", _failed.OrderBy(f => f.Key).Select(f => $"{f.Key}: {f.Value}")));

    public Dictionary<string, object> Figures() => new()
    {
        ["accepted"] = _accepted.ToDictionary(a => a.Key, a => a.Value),
        ["failed"] = _failed.ToDictionary(f => f.Key, f => f.Value),
    };

    public void Dispose()
    {
        _requests.Dispose();
        _lines.Dispose();
        _payments.Dispose();
        _sandboxPayments.Dispose();
        _sandboxCases.Dispose();
        _failures.Dispose();
    }
}

/// <summary>A step of an operation that did not go through, named for failures.tsv (« card 502 », « no case ready »).</summary>
internal sealed class FaultsStepException(string what) : Exception(what);
