using CommercialManagement.BuildingBlocks.Idempotency;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.BuildingBlocks.Scheduling;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CommercialManagement.Inbox.Api.Persistence;

internal sealed class InboxDbContext(DbContextOptions<InboxDbContext> options, TenantContext tenant)
    : TenantDbContext(options, tenant)
{
    /// <summary>The mailbox's log (one line per email taken), which the housekeeping prunes by name.</summary>
    public const string InboundEmailsTable = "inbound_emails";

    public DbSet<Request> Requests => Set<Request>();

    public DbSet<Website> Websites => Set<Website>();

    public DbSet<ConversationMessage> Messages => Set<ConversationMessage>();

    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<InboxOrganisation> Organisations => Set<InboxOrganisation>();

    public DbSet<Mailbox> Mailboxes => Set<Mailbox>();

    public DbSet<InboundEmail> InboundEmails => Set<InboundEmail>();

    public DbSet<MessageAttachment> Attachments => Set<MessageAttachment>();

    public DbSet<EmailThreadLink> ThreadLinks => Set<EmailThreadLink>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddIdempotencyKeys();
        modelBuilder.AddScheduledOnce();
        modelBuilder.Entity<InboxOrganisation>(organisation =>
        {
            organisation.ToTable("organisations");
            organisation.HasKey(o => o.OrganisationId);
            organisation.Property(o => o.Schedule).HasColumnType("jsonb")
                .HasConversion(Json<ScheduleSettings>.Converter, Json<ScheduleSettings>.Comparer).HasDefaultValueSql("'{}'::jsonb");
        });

        modelBuilder.Entity<Website>(website =>
        {
            website.ToTable("websites");
            website.HasKey(w => w.Id);
            website.Property(w => w.Name).HasMaxLength(200);
            website.Property(w => w.SiteKey).HasMaxLength(100);
            website.HasIndex(w => w.SiteKey).IsUnique();
        });

        modelBuilder.Entity<Request>(request =>
        {
            request.ToTable("requests");
            request.HasKey(r => r.Id);
            request.Property(r => r.CustomerName).HasMaxLength(200);
            request.Property(r => r.CustomerEmail).HasMaxLength(254);
            request.Property(r => r.CustomerPhone).HasMaxLength(40);
            request.Property(r => r.Message).HasMaxLength(5000);
            request.Property(r => r.Language).HasMaxLength(2);
            request.Property(r => r.AssigneeName).HasMaxLength(200);
            request.Property(r => r.CustomerSpaceToken).HasMaxLength(64);
            request.HasIndex(r => r.CustomerSpaceToken).IsUnique();
            request.Property(r => r.ReplyToken).HasMaxLength(ReplyAddress.TokenLength);
            request.HasIndex(r => r.ReplyToken).IsUnique();
            request.Property(r => r.FailingEmail).HasMaxLength(254);
            request.Property(r => r.FailingEmailReason).HasMaxLength(500);
            // A reply by email from a known address joins that customer's latest request (issue 18): the expression index
            // ix_requests_sender on ("OrganisationId", lower("CustomerEmail"), "LastActivityAt" DESC), made by the migration.
            request.Property(r => r.LastMessagePreview).HasMaxLength(Request.PreviewLength + 20);
            // « Demandes » pages by last activity, newest first, whole or filtered (unread, one assignee).
            request.HasIndex(r => new { r.OrganisationId, r.LastActivityAt, r.Id });
            request.HasIndex(r => new { r.OrganisationId, r.Unread, r.LastActivityAt, r.Id });
            request.HasIndex(r => new { r.OrganisationId, r.AssigneeId, r.LastActivityAt, r.Id });
            request.HasIndex(r => new { r.WebsiteId, r.CustomerEmail, r.ReceivedAt });
            // « En attente de réponse », the longest wait first; and the unanswered-requests job's pass (issue 17).
            request.HasIndex(r => new { r.OrganisationId, r.AwaitingReplySince, r.Id }).HasFilter("\"AwaitingReplySince\" IS NOT NULL");
            // The retention of requests that never became dossiers (issue 19) reads the oldest of them.
            request.HasIndex(r => r.LastActivityAt).HasDatabaseName("ix_requests_unconverted").HasFilter("\"BecameDossier\" = false");
            request.HasIndex(r => r.AwaitingReplySince).HasDatabaseName("ix_requests_unanswered_not_alerted")
                .HasFilter("\"AwaitingReplySince\" IS NOT NULL AND \"UnansweredAlertedAt\" IS NULL");

            // Short searches (RequestSearch): computed by PostgreSQL from the customer's name, email and phone, so that
            // no writer has to keep it; never written, read back or updated by EF (the intake's INSERT is unchanged).
            var prefixes = request.Property<List<string>>(RequestSearch.PrefixesColumn)
                .HasComputedColumnSql("""request_search_prefixes("CustomerName", "CustomerEmail", "CustomerPhone")""", stored: true)
                .ValueGeneratedNever();
            prefixes.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
            prefixes.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
            request.HasIndex(RequestSearch.PrefixesColumn).HasDatabaseName("ix_requests_search_prefixes")
                .HasMethod("gin").HasStorageParameter("fastupdate", false);
        });

        modelBuilder.Entity<StaffMember>(member =>
        {
            member.ToTable("staff_members");
            member.HasKey(m => m.StaffId);
            member.Property(m => m.Name).HasMaxLength(200);
            member.HasIndex(m => m.OrganisationId);
        });

        modelBuilder.Entity<ConversationMessage>(message =>
        {
            message.ToTable("messages");
            message.HasKey(m => m.Id);
            message.Property(m => m.Body).HasMaxLength(ConversationMessage.MaxBodyLength);
            message.Property(m => m.AuthorName).HasMaxLength(200);
            message.Property(m => m.DeliveryFailure).HasMaxLength(1000);
            message.HasOne<Request>().WithMany().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
            message.HasIndex(m => new { m.RequestId, m.PostedAt });
            message.Property(m => m.EmailSubject).HasMaxLength(ConversationMessage.MaxSubjectLength);
        });

        // Replies by email (issue 18).
        modelBuilder.Entity<Mailbox>(mailbox =>
        {
            mailbox.ToTable("mailboxes");
            mailbox.HasKey(m => m.OrganisationId);
            mailbox.Property(m => m.ReplyAddress).HasMaxLength(254);
            mailbox.Property(m => m.Host).HasMaxLength(253);
            mailbox.Property(m => m.UserName).HasMaxLength(254);
            mailbox.Property(m => m.Folder).HasMaxLength(200);
            mailbox.Property(m => m.ProcessedFolder).HasMaxLength(200);
            mailbox.Property(m => m.LastError).HasMaxLength(1000);
        });

        modelBuilder.Entity<InboundEmail>(email =>
        {
            email.ToTable(InboundEmailsTable);
            email.HasKey(e => e.Id);
            email.Property(e => e.InternetMessageId).HasMaxLength(500);
            email.Property(e => e.FromAddress).HasMaxLength(254);
            email.Property(e => e.Subject).HasMaxLength(300);
            email.Property(e => e.Reason).HasMaxLength(500);
            email.HasIndex(e => new { e.OrganisationId, e.InternetMessageId }).IsUnique();
            // The loop breaker counts a sender's recent emails.
            email.HasIndex(e => new { e.OrganisationId, e.FromAddress, e.FetchedAt });
            // The housekeeping's rule on the lines that opened no request starts with their age.
            email.HasIndex(e => e.ReceivedAt).HasFilter("\"RequestId\" IS NULL").HasDatabaseName("ix_inbound_emails_unlinked_received_at");
        });

        modelBuilder.Entity<MessageAttachment>(attachment =>
        {
            attachment.ToTable("message_attachments");
            attachment.HasKey(a => a.Id);
            attachment.Property(a => a.FileName).HasMaxLength(200);
            attachment.Property(a => a.ContentType).HasMaxLength(100);
            attachment.Property(a => a.RefusedReason).HasMaxLength(300);
            attachment.HasOne<ConversationMessage>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
            attachment.HasIndex(a => a.MessageId);
        });

        modelBuilder.Entity<EmailThreadLink>(link =>
        {
            link.ToTable("email_thread_links");
            link.HasKey(l => new { l.OrganisationId, l.InternetMessageId });
            link.Property(l => l.InternetMessageId).HasMaxLength(500);
            link.HasOne<Request>().WithMany().HasForeignKey(l => l.RequestId).OnDelete(DeleteBehavior.Cascade);
            link.HasIndex(l => l.RequestId);
        });
    }
}

internal sealed class InboxDbContextFactory : DesignTimeDbContextFactory<InboxDbContext>;
