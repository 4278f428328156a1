using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The decision at the root of a trace (ParentBased follows it everywhere below, across HTTP and RabbitMQ, so a trace is
/// kept whole or not at all). Drops client spans that start a trace of their own: the outbox relay's polling and health
/// probes would otherwise bury the dashboard in one-span SQL traces. Keeps <c>Telemetry:TraceSampleRatio</c> of the other
/// roots (1 by default: every trace), chosen by trace id.
/// </summary>
internal sealed class BackgroundClientSpanSampler(double ratio) : Sampler
{
    public const string RatioKey = "Telemetry:TraceSampleRatio";

    private readonly TraceIdRatioBasedSampler byTraceId = new(ratio);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client
            ? new SamplingResult(SamplingDecision.Drop)
            : byTraceId.ShouldSample(samplingParameters);
}
