using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>No other test's spans while these count theirs.</summary>
[CollectionDefinition(nameof(TraceSamplingTests), DisableParallelization = true)]
public sealed class TraceSamplingCollection;

/// <summary>
/// Issue 15, item 10: under load, traces used to lose some of their spans (each process's exporter queue dropped spans one
/// by one). <c>Telemetry:TraceSampleRatio</c> now keeps a share of whole traces: each request's trace (the request, its SQL,
/// the outbox row's publish after the commit, the message sent) is kept or dropped as one, and the setting is honoured.
/// It fails when the outbox stops carrying the trace to the publish, or when the share is not applied.
/// </summary>
[Collection(nameof(TraceSamplingTests))]
public sealed class TraceSamplingTests
{
    private const int Requests = 20; // the intake's limit per address and window

    [Fact]
    public async Task HalfTheTraces_AreKeptWholeFromTheRequestThroughTheOutboxToItsMessage_TheOthersNotAtAll()
    {
        await using var factory = new SampledInboxFactory(0.5);
        await ((IAsyncLifetime)factory).InitializeAsync();
        var client = factory.CreateClient();
        using var spans = new SpanRecorder();

        for (var i = 0; i < Requests; i++)
        {
            var response = await client.PostAsJsonAsync("/public/requests", SampleRequests.Valid($"trace-{i}@example.fr"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL") == 0, TimeSpan.FromSeconds(30)),
            "The relay did not publish every request.");
        var traces = spans.RequestTraces();
        Assert.Equal(Requests, traces.Count);

        foreach (var trace in traces)
        {
            Assert.True(trace.All(span => span.Recorded) || trace.All(span => !span.Recorded),
                $"A trace kept in part: {string.Join(", ", trace.Select(span => $"{span.Source} {span.Name} {(span.Recorded ? "kept" : "dropped")}"))}");
            Assert.Contains(trace, span => span.Source == "CommercialManagement.Outbox");
        }

        var kept = traces.Count(trace => trace[0].Recorded);
        Assert.InRange(kept, 1, Requests - 1);
    }

    [Fact]
    public async Task ByDefault_EveryRequestsTraceIsKept()
    {
        await using var factory = new SampledInboxFactory(null);
        await ((IAsyncLifetime)factory).InitializeAsync();
        var client = factory.CreateClient();
        using var spans = new SpanRecorder();

        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/public/requests", SampleRequests.Valid($"kept-{i}@example.fr"));
        }

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL") == 0, TimeSpan.FromSeconds(30)),
            "The relay did not publish every request.");
        var traces = spans.RequestTraces();
        Assert.Equal(5, traces.Count);
        Assert.All(traces, trace => Assert.All(trace, span => Assert.True(span.Recorded, $"{span.Source} {span.Name} dropped.")));
    }

    private sealed class SampledInboxFactory(double? ratio) : ServiceFactory<Program>(ResourceNames.InboxDb)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (ratio is { } share)
            {
                builder.UseSetting("Telemetry:TraceSampleRatio", share.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private sealed record Span(string Source, string Name, ActivityKind Kind, bool Recorded);

    /// <summary>
    /// Every span of the process, kept or not. It asks for the least a listener can (propagation only), so the service's own
    /// sampler decides what is recorded.
    /// </summary>
    private sealed class SpanRecorder : IDisposable
    {
        private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<Span>> byTrace = new();
        private readonly ActivityListener listener;

        public SpanRecorder()
        {
            listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "CommercialManagement.Outbox" or "MassTransit" or "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
                ActivityStopped = activity => byTrace.GetOrAdd(activity.TraceId, _ => new()).Enqueue(new Span(
                    activity.Source.Name, activity.DisplayName, activity.Kind, activity.Recorded)),
            };
            ActivitySource.AddActivityListener(listener);
        }

        /// <summary>
        /// The traces that start with a request to the service, each with its spans (only the test's requests reach it; an
        /// unrecorded span has no tags to tell its path by).
        /// </summary>
        public List<List<Span>> RequestTraces() =>
        [
            .. byTrace.Values
                .Select(trace => trace.ToList())
                .Where(trace => trace.Any(span => span.Kind == ActivityKind.Server && span.Source == "Microsoft.AspNetCore")),
        ];

        public void Dispose() => listener.Dispose();
    }
}
