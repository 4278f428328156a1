using System.ComponentModel.DataAnnotations;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Gateway.Identity;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Terms = CommercialManagement.BuildingBlocks.Legal.CancellationTerms;

namespace CommercialManagement.Gateway.Features.Administration;

internal sealed class OrganisationForm
{
    [Required(ErrorMessage = "Le nom est obligatoire."), MaxLength(200)]
    public string Name { get; set; } = "";

    [MaxLength(500)]
    public string Address { get; set; } = "";

    [RegularExpression(@"^\d{14}$", ErrorMessage = "Le SIRET compte 14 chiffres.")]
    public string? Siret { get; set; }

    [MaxLength(20)]
    public string? VatNumber { get; set; }

    [MaxLength(30)]
    public string? TravelOperatorRegistration { get; set; }

    [Required(ErrorMessage = "L'adresse e-mail de contact est obligatoire."), EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide.")]
    public string ContactEmail { get; set; } = "";

    [MaxLength(40)]
    public string? ContactPhone { get; set; }

    [Range(0, 100, ErrorMessage = "L'acompte est un pourcentage entre 0 et 100.")]
    public int DepositPercentage { get; set; }

    [Range(0, 365, ErrorMessage = "Entre 0 et 365 jours.")]
    public int BalanceDueDaysBeforeArrival { get; set; }

    [Range(1, 90, ErrorMessage = "Entre 1 et 90 jours.")]
    public int QuoteValidityDays { get; set; }

    [Required(ErrorMessage = "Le préfixe est obligatoire."), RegularExpression("^[A-Z0-9]{1,10}$", ErrorMessage = "De 1 à 10 lettres majuscules ou chiffres.")]
    public string QuoteNumberPrefix { get; set; } = "";

    [MaxLength(20_000)]
    public string TermsOfSale { get; set; } = "";

    [Required(ErrorMessage = "Le nom d'expéditeur est obligatoire."), MaxLength(200)]
    public string EmailSenderName { get; set; } = "";

    [EmailAddress(ErrorMessage = "L'adresse de réponse n'est pas valide.")]
    public string? EmailReplyTo { get; set; }

    public bool AlertsByEmail { get; set; } = true;

    [MaxLength(120)]
    public string? LegalForm { get; set; }

    [MaxLength(120)]
    public string? TradeRegister { get; set; }

    [MaxLength(1000)]
    public string? LatePaymentTerms { get; set; }

    public FinalInvoiceWhen FinalInvoiceWhen { get; set; }

    /// <summary>Balance requests, reminders, expiries and held stock (« Échéances et relances »).</summary>
    public ScheduleForm Schedule { get; set; } = ScheduleForm.Of(new ScheduleSettings());

    /// <summary>Journal codes and accounts of the accounting exports (« Comptabilité »).</summary>
    public AccountingForm Accounting { get; set; } = AccountingForm.Of(new AccountingSettings());

    /// <summary>The cancellation terms being edited, one row a tier; none: the defaults.</summary>
    public List<CancellationTermRow> CancellationTerms { get; set; } = [];

    /// <summary>The rows as the contract's tiers, most days first; empty for the defaults.</summary>
    public IReadOnlyList<CancellationTier> CancellationTiers() =>
        [.. CancellationTerms.Select(row => row.ToTier()).OrderByDescending(tier => tier.MinDaysBeforeArrival)];
}

/// <summary>The organisation's <see cref="ScheduleSettings"/> as the page edits them; its rules are the contract's.</summary>
public sealed class ScheduleForm
{
    public bool AutomaticBalanceRequest { get; set; }

    public int BalanceRequestDaysBeforeDue { get; set; }

    public bool PaymentReminders { get; set; }

    public int ReminderDaysBeforeDue { get; set; }

    public int FirstOverdueReminderDays { get; set; }

    public int SecondOverdueReminderDays { get; set; }

    public bool QuoteFollowUp { get; set; }

    public int QuoteFollowUpDaysBeforeExpiry { get; set; }

    public bool QuoteExpiredEmail { get; set; }

    public int DraftHoldDays { get; set; }

    public int UnansweredAlertWorkingHours { get; set; }

    public bool PaymentLinkReminder { get; set; }

    public int PaymentLinkReminderDaysBeforeExpiry { get; set; }

    public ScheduleSettings ToSettings() => new()
    {
        AutomaticBalanceRequest = AutomaticBalanceRequest, BalanceRequestDaysBeforeDue = BalanceRequestDaysBeforeDue,
        PaymentReminders = PaymentReminders, ReminderDaysBeforeDue = ReminderDaysBeforeDue,
        FirstOverdueReminderDays = FirstOverdueReminderDays, SecondOverdueReminderDays = SecondOverdueReminderDays,
        QuoteFollowUp = QuoteFollowUp, QuoteFollowUpDaysBeforeExpiry = QuoteFollowUpDaysBeforeExpiry, QuoteExpiredEmail = QuoteExpiredEmail,
        DraftHoldDays = DraftHoldDays, UnansweredAlertWorkingHours = UnansweredAlertWorkingHours,
        PaymentLinkReminder = PaymentLinkReminder, PaymentLinkReminderDaysBeforeExpiry = PaymentLinkReminderDaysBeforeExpiry,
    };

    public static ScheduleForm Of(ScheduleSettings settings) => new()
    {
        AutomaticBalanceRequest = settings.AutomaticBalanceRequest, BalanceRequestDaysBeforeDue = settings.BalanceRequestDaysBeforeDue,
        PaymentReminders = settings.PaymentReminders, ReminderDaysBeforeDue = settings.ReminderDaysBeforeDue,
        FirstOverdueReminderDays = settings.FirstOverdueReminderDays, SecondOverdueReminderDays = settings.SecondOverdueReminderDays,
        QuoteFollowUp = settings.QuoteFollowUp, QuoteFollowUpDaysBeforeExpiry = settings.QuoteFollowUpDaysBeforeExpiry,
        QuoteExpiredEmail = settings.QuoteExpiredEmail, DraftHoldDays = settings.DraftHoldDays,
        UnansweredAlertWorkingHours = settings.UnansweredAlertWorkingHours, PaymentLinkReminder = settings.PaymentLinkReminder,
        PaymentLinkReminderDaysBeforeExpiry = settings.PaymentLinkReminderDaysBeforeExpiry,
    };
}

/// <summary>One editable row of the cancellation terms: from how many days before the arrival, and what is retained.</summary>
internal sealed class CancellationTermRow
{
    public int MinDaysBeforeArrival { get; set; }

    /// <summary>Whether the deposit is retained; otherwise <see cref="RetainedPercent"/> % of the accepted total.</summary>
    public bool RetainsDeposit { get; set; }

    public int RetainedPercent { get; set; }

    public CancellationTier ToTier() => new() { MinDaysBeforeArrival = MinDaysBeforeArrival, RetainedPercent = RetainsDeposit ? null : RetainedPercent };

    public static CancellationTermRow Of(CancellationTier tier) => new()
    {
        MinDaysBeforeArrival = tier.MinDaysBeforeArrival, RetainsDeposit = tier.RetainedPercent is null, RetainedPercent = tier.RetainedPercent ?? 0,
    };
}

/// <summary>
/// An admin reads and changes their own organisation; each change is published as OrganisationChanged. The cancellation
/// terms are checked by the one definition of their rules (<c>CancellationTerms.Problems</c>).
/// </summary>
internal sealed class OrganisationAdministration(IServiceScopeFactory scopes, TimeProvider timeProvider)
{
    public async Task<(string Name, OrganisationKind Kind, OrganisationForm Form)> GetAsync(Guid organisationId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var o = await db.Organisations.AsNoTracking().SingleAsync(x => x.Id == organisationId);
        return (o.Name, o.Kind, new OrganisationForm
        {
            Name = o.Name, Address = o.Address, Siret = o.Siret, VatNumber = o.VatNumber,
            TravelOperatorRegistration = o.TravelOperatorRegistration, ContactEmail = o.ContactEmail, ContactPhone = o.ContactPhone,
            DepositPercentage = o.DepositPercentage, BalanceDueDaysBeforeArrival = o.BalanceDueDaysBeforeArrival,
            QuoteValidityDays = o.QuoteValidityDays, QuoteNumberPrefix = o.QuoteNumberPrefix, TermsOfSale = o.TermsOfSale,
            EmailSenderName = o.EmailSenderName, EmailReplyTo = o.EmailReplyTo, AlertsByEmail = o.AlertsByEmail,
            LegalForm = o.LegalForm, TradeRegister = o.TradeRegister, LatePaymentTerms = o.LatePaymentTerms, FinalInvoiceWhen = o.FinalInvoiceWhen,
            CancellationTerms = [.. (o.CancellationTerms ?? []).Select(CancellationTermRow.Of)],
            Schedule = ScheduleForm.Of(o.Schedule),
            Accounting = AccountingForm.Of(o.Accounting),
        });
    }

    /// <summary>Saves the settings and publishes them; what is wrong, in French, when nothing was saved.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(Guid organisationId, Guid actingUserId, OrganisationForm form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        var tiers = form.CancellationTiers();
        var schedule = form.Schedule.ToSettings();
        var accounting = form.Accounting.ToSettings();
        var problems = results.Select(r => r.ErrorMessage ?? "").Concat(Terms.Problems(tiers)).Concat(schedule.Problems()).Concat(accounting.Problems()).ToList();
        if (problems.Count > 0)
        {
            return problems;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        // The page is the admins'; one demoted or disabled a moment ago, the page still open, is refused now.
        var actor = await users.Users.SingleOrDefaultAsync(u => u.Id == actingUserId && u.OrganisationId == organisationId);
        if (actor is not { Disabled: false } || !await users.IsInRoleAsync(actor, StaffClaims.AdminRole))
        {
            return [StaffAdministration.NoLongerAdmin];
        }

        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var o = await db.Organisations.SingleAsync(x => x.Id == organisationId);
        o.Name = form.Name.Trim();
        o.Address = form.Address.Trim();
        o.Siret = Blank(form.Siret);
        o.VatNumber = Blank(form.VatNumber);
        o.TravelOperatorRegistration = Blank(form.TravelOperatorRegistration);
        o.ContactEmail = form.ContactEmail.Trim();
        o.ContactPhone = Blank(form.ContactPhone);
        o.DepositPercentage = form.DepositPercentage;
        o.BalanceDueDaysBeforeArrival = form.BalanceDueDaysBeforeArrival;
        o.QuoteValidityDays = form.QuoteValidityDays;
        o.QuoteNumberPrefix = form.QuoteNumberPrefix;
        o.TermsOfSale = form.TermsOfSale;
        o.EmailSenderName = form.EmailSenderName.Trim();
        o.EmailReplyTo = Blank(form.EmailReplyTo);
        o.AlertsByEmail = form.AlertsByEmail;
        o.LegalForm = Blank(form.LegalForm);
        o.TradeRegister = Blank(form.TradeRegister);
        o.LatePaymentTerms = Blank(form.LatePaymentTerms);
        o.FinalInvoiceWhen = form.FinalInvoiceWhen;
        o.CancellationTerms = tiers.Count == 0 ? null : [.. tiers];
        o.Schedule = schedule;
        o.Accounting = accounting;
        db.AddToOutbox(o.ToChangedEvent(timeProvider.GetUtcNow()));
        await db.SaveChangesAsync();
        return [];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
