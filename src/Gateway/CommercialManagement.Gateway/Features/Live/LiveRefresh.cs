namespace CommercialManagement.Gateway.Features.Live;

/// <summary>
/// An open page kept live: its refresh runs on the page's dispatcher for every change it shows, one refresh at a time
/// (changes arriving during one make one more after it, never a queue of them), and once a minute in case a change
/// was missed (the gateway's queue is new after a restart). Dispose it with the page.
/// </summary>
internal sealed class LiveRefresh : IAsyncDisposable
{
    /// <summary>The safety net, not the way changes arrive: a page missing an event is a minute late at worst.</summary>
    public static readonly TimeSpan Fallback = TimeSpan.FromMinutes(1);

    private readonly IDisposable _subscription;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly Func<Task> _refresh;
    private readonly Timer _timer;
    private bool _running;
    private bool _pending;

    /// <param name="shows">Whether this page shows the change (its request, or any of the organisation).</param>
    /// <param name="dispatch">The component's InvokeAsync.</param>
    /// <param name="refresh">Reads again what the page shows, and renders it.</param>
    public LiveRefresh(
        LiveChanges live, Guid organisationId, LiveTopic topics, Func<LiveChange, bool> shows, Func<Func<Task>, Task> dispatch, Func<Task> refresh)
    {
        _dispatch = dispatch;
        _refresh = refresh;
        _subscription = live.Subscribe(organisationId, topics, change => shows(change) ? _dispatch(RunAsync) : Task.CompletedTask);
        _timer = new Timer(_ => _ = _dispatch(RunAsync), null, Fallback, Fallback);
    }

    private async Task RunAsync()
    {
        if (_running)
        {
            _pending = true;
            return;
        }

        _running = true;
        try
        {
            do
            {
                _pending = false;
                await _refresh();
            }
            while (_pending);
        }
        finally
        {
            _running = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _timer.DisposeAsync();
    }
}
