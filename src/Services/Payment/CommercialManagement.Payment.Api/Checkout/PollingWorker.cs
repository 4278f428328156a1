using System.Threading.Channels;

namespace CommercialManagement.Payment.Api.Checkout;

/// <summary>
/// A background loop that does a pass (claims a batch, calls the provider outside any transaction, records the outcome:
/// ADR 0012), repeats while passes come back full, then waits for <see cref="Wake"/> or the poll interval. A failed pass is
/// logged and the next poll tries again. What <see cref="SessionCloser"/> and <see cref="RefundSender"/> share.
/// </summary>
internal abstract class PollingWorker(TimeSpan pollInterval, int batch) : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Looks now rather than at the next poll: something to do was just committed.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <returns>How many rows the pass claimed: a full batch is followed by another pass at once.</returns>
    protected abstract Task<int> PassAsync(CancellationToken cancellationToken);

    protected abstract void PassFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await PassAsync(stoppingToken) == batch)
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                PassFailed(exception);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(pollInterval);
            try
            {
                await _wake.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The poll interval passed: look anyway.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
