using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Scheduling;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Features.Ledger;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace CommercialManagement.Payment.Api.Features.Schedule;

/// <summary>
/// The payment schedule (issue 17), every day at 9:00 Paris time on one instance of the service: for each case it
/// asks the balance by itself (« Automatique ») when its day has come, reminds the customer of each open request before and
/// after its due date and before its link expires, and marks the balance overdue (or clears the mark). Each case in its own
/// transaction under its lock, as staff would act: the request through <see cref="CaseLedger.Ask"/> and its
/// <c>PaymentRequested</c>, each reminder a <c>PaymentReminderDue</c>, each step claimed once (<see cref="ScheduledOnce"/>)
/// with its effect. What is due is decided on <see cref="JobClock"/> only (<see cref="PaymentSchedule"/> has the dates); what
/// it records (the request's creation, the events' time, the claims) is stamped with the service's own time, as a person's
/// action would be: the outbox sends an event once its time has come, so an event stamped with a clock the system tests moved
/// weeks ahead would wait weeks.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class PaymentScheduleJob(
    IServiceScopeFactory scopes, JobClock clock, TimeProvider time, IOptions<StripeOptions> stripe, ILogger<PaymentScheduleJob> logger) : IJob
{
    public const string Name = "payment-schedule";

    /// <summary>Every day at 9:00 Paris time.</summary>
    public const string Cron = "0 0 9 * * ?";

    /// <summary>The once-kind of the automatic balance request (subject: the case; due: the balance's due date).</summary>
    public const string BalanceRequestKind = "balance-request";

    /// <summary>The once-kind of the link reminder (subject: the payment request; due: the day its link expires).</summary>
    public const string LinkReminderKind = "link-reminder";

    /// <summary>Cases whose arrival passed longer ago than this are left alone (unless marked overdue, to clear the mark).</summary>
    private const int PastArrivalDays = 120;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunAsync(cancellationToken);

    /// <summary>One pass over the cases: returns how many effects it had (requests asked, reminders sent, marks set or cleared).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var horizon = ParisTime.Day(now).AddDays(-PastArrivalDays);
        List<(Guid Id, Guid OrganisationId)> cases;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaymentDbContext>();
            var open = db.PaymentRequests.IgnoreQueryFilters().Where(r => r.Status == PaymentRequestStatus.Open && r.ExpiresAt > now).Select(r => r.RequestId);
            cases = [.. (await db.Cases.IgnoreQueryFilters()
                .Where(c => (c.AcceptedQuoteId != null && c.CancelledAt == null && c.Arrival != null && c.Arrival >= horizon)
                    || c.BalanceOverdueOn != null || open.Contains(c.Id))
                .OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.OrganisationId })
                .ToListAsync(cancellationToken)).Select(c => (c.Id, c.OrganisationId))];
        }

        var effects = 0;
        foreach (var (id, organisationId) in cases)
        {
            try
            {
                effects += await CaseAsync(id, organisationId, now, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // One case that fails (a rule refused, the database busy) never stops the others; the next firing tries it again.
                LogCaseFailed(failure, id);
            }
        }

        if (effects > 0)
        {
            LogPass(effects, cases.Count);
        }

        return effects;
    }

    private async Task<int> CaseAsync(Guid caseId, Guid organisationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organisationId);
        var db = scope.ServiceProvider.GetRequiredService<PaymentDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.LockAsync(caseId, cancellationToken) is not { } ledger)
        {
            return 0;
        }

        var account = ledger.Case;
        var settings = ledger.Seller;
        var stamp = time.GetUtcNow();
        var schedule = settings.Schedule;
        var today = ParisTime.Day(now);
        var live = ledger.HasAcceptedQuote && !account.IsCancelled && !account.AcceptedQuoteVoided;
        var balanceDueOn = PaymentSchedule.BalanceDueOn(account.Arrival, settings.BalanceDueDaysBeforeArrival);
        var effects = 0;

        if (live && schedule.AutomaticBalanceRequest && balanceDueOn is { } due && account.Arrival is { } arrival && today < arrival
            && PaymentSchedule.Reached(PaymentSchedule.BalanceRequestOn(due, schedule.BalanceRequestDaysBeforeDue), now))
        {
            var deposit = LedgerWork.DepositCents(account, settings, clock);
            if (ledger.Options(deposit, now).Single(o => o.Kind == PaymentKind.Balance).Allowed
                && await db.ClaimOnceAsync(organisationId, caseId, BalanceRequestKind, due, stamp, cancellationToken))
            {
                _ = ledger.Ask(PaymentKind.Balance, deposit, PaymentSchedule.Automatic, stamp, PaymentSchedule.BalanceLinkExpiry(arrival) - stamp);
                effects++;
            }
        }

        if (live)
        {
            foreach (var request in ledger.Requests.Where(r => r.QuoteId == account.AcceptedQuoteId && r.IsPayableAt(now)).ToList())
            {
                effects += await RemindAsync(db, ledger, request, PaymentSchedule.DueOn(request, balanceDueOn), schedule, now, stamp, cancellationToken);
            }
        }

        var overdueOn = live ? PaymentSchedule.OverdueFrom(account, balanceDueOn, stripe.Value.RequestValidity) : null;
        if (overdueOn is { } from && today >= from && ledger.RemainingCents > 0)
        {
            if (account.MarkOverdue(from.AddDays(-1)))
            {
                db.AddToOutbox(new PaymentOverdue
                {
                    OrganisationId = organisationId, OccurredAt = stamp, RequestId = caseId, DueOn = from.AddDays(-1), RemainingCents = ledger.RemainingCents,
                });
                effects++;
            }
        }
        else if (account.ClearOverdue())
        {
            db.AddToOutbox(new PaymentOverdueCleared { OrganisationId = organisationId, OccurredAt = stamp, RequestId = caseId });
            effects++;
        }

        if (effects == 0)
        {
            return 0;
        }

        await db.StageAsync(ledger, time, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return effects;
    }

    /// <summary>
    /// The reminder of the request's due date that is due, else the one before its link expires (not when the reminder before
    /// the same day already went: never two reminders in a row for one date): each once, with its event.
    /// </summary>
    private static async Task<int> RemindAsync(
        PaymentDbContext db, CaseLedger ledger, PaymentRequest request, DateOnly dueOn, Contracts.Identity.ScheduleSettings schedule, DateTimeOffset now,
        DateTimeOffset stamp, CancellationToken cancellationToken)
    {
        var account = ledger.Case;
        if (PaymentSchedule.Reminder(request, dueOn, schedule, now) is { } step)
        {
            if (await db.ClaimOnceAsync(account.OrganisationId, account.Id, PaymentSchedule.OnceKind(request.Kind, step.Step), dueOn, stamp, cancellationToken))
            {
                db.AddToOutbox(Reminder(ledger, request, step, stamp));
                return 1;
            }
        }

        if (PaymentSchedule.LinkReminder(request, schedule, now) is not { } link)
        {
            return 0;
        }

        if (link.DueOn == dueOn && await db.DoneOnceAsync(account.Id, PaymentSchedule.OnceKind(request.Kind, PaymentSchedule.BeforeDue), dueOn, cancellationToken))
        {
            return 0;
        }

        if (!await db.ClaimOnceAsync(account.OrganisationId, request.Id, LinkReminderKind, link.DueOn, stamp, cancellationToken))
        {
            return 0;
        }

        db.AddToOutbox(Reminder(ledger, request, link, stamp));
        return 1;
    }

    private static PaymentReminderDue Reminder(CaseLedger ledger, PaymentRequest request, ReminderStep step, DateTimeOffset now) => new()
    {
        OrganisationId = request.OrganisationId, OccurredAt = now, RequestId = request.RequestId, PaymentRequestId = request.Id,
        QuoteNumber = ledger.Case.QuoteNumber ?? "", Kind = request.Kind.ToString(), Step = step.Step, Label = step.Label, DueOn = step.DueOn,
        AmountCents = request.AmountCents, AcceptedTotalCents = ledger.Case.AcceptedTotalCents, PaidCents = ledger.SettledCents, ExpiresAt = request.ExpiresAt,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment schedule: {Effects} effects over {Cases} cases")]
    private partial void LogPass(int effects, int cases);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment schedule: case {CaseId} failed; the next firing tries it again")]
    private partial void LogCaseFailed(Exception failure, Guid caseId);
}
