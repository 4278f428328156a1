using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Drops client spans that start a trace of their own: the outbox relay's polling and health probes would
/// otherwise bury the dashboard in one-span SQL traces. Spans inside a request or a message follow their parent.
/// </summary>
internal sealed class BackgroundClientSpanSampler : Sampler
{
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client
            ? new SamplingResult(SamplingDecision.Drop)
            : new SamplingResult(SamplingDecision.RecordAndSample);
}
