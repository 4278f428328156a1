using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Inbox.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RepliesByEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Archived",
                table: "requests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "FailingEmail",
                table: "requests",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FailingEmailAt",
                table: "requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FailingEmailReason",
                table: "requests",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyToken",
                table: "requests",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EmailSubject",
                table: "messages",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "InboundEmailId",
                table: "messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "email_thread_links",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    InternetMessageId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outgoing = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_email_thread_links", x => new { x.OrganisationId, x.InternetMessageId });
                    table.ForeignKey(
                        name: "FK_email_thread_links_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inbound_emails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    InternetMessageId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    UidValidity = table.Column<long>(type: "bigint", nullable: false),
                    Uid = table.Column<long>(type: "bigint", nullable: false),
                    FromAddress = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FetchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Raw = table.Column<byte[]>(type: "bytea", nullable: false),
                    RawTruncated = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_emails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mailboxes",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    ReplyAddress = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Host = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    Port = table.Column<int>(type: "integer", nullable: false),
                    Security = table.Column<int>(type: "integer", nullable: false),
                    UserName = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    PasswordCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    Folder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedFolder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UidValidity = table.Column<long>(type: "bigint", nullable: true),
                    LastUid = table.Column<long>(type: "bigint", nullable: false),
                    LastCheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSuccessAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mailboxes", x => x.OrganisationId);
                });

            migrationBuilder.CreateTable(
                name: "message_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: true),
                    RefusedReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_message_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_message_attachments_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // A reply by email from a known address joins that customer's latest request (issue 18): found by the address
            // without case, as mail servers compare it (the query reads lower("CustomerEmail")). Not in the EF model: an
            // expression index.
            migrationBuilder.Sql("""
                CREATE INDEX ix_requests_sender ON requests ("OrganisationId", lower("CustomerEmail"), "LastActivityAt" DESC);
                """);

            // Requests from before replies by email get a token too (unique, in the token alphabet: hex digits 0, 1, 8, 9
            // mapped to w, x, y, z; 122 random bits). Their cases' emails keep the plain reply address, since Notification
            // never learns these tokens; replies to them are matched by their thread headers or their sender.
            migrationBuilder.Sql("""
                UPDATE requests SET "ReplyToken" = substr(translate(replace(gen_random_uuid()::text, '-', ''), '0189', 'wxyz'), 1, 32)
                WHERE "ReplyToken" = '';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_requests_ReplyToken",
                table: "requests",
                column: "ReplyToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_email_thread_links_RequestId",
                table: "email_thread_links",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_inbound_emails_OrganisationId_FromAddress_FetchedAt",
                table: "inbound_emails",
                columns: new[] { "OrganisationId", "FromAddress", "FetchedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_inbound_emails_OrganisationId_InternetMessageId",
                table: "inbound_emails",
                columns: new[] { "OrganisationId", "InternetMessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_message_attachments_MessageId",
                table: "message_attachments",
                column: "MessageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "email_thread_links");

            migrationBuilder.DropTable(
                name: "inbound_emails");

            migrationBuilder.DropTable(
                name: "mailboxes");

            migrationBuilder.DropTable(
                name: "message_attachments");

            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_requests_sender;");

            migrationBuilder.DropIndex(
                name: "IX_requests_ReplyToken",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "Archived",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "FailingEmail",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "FailingEmailAt",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "FailingEmailReason",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "ReplyToken",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "EmailSubject",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "InboundEmailId",
                table: "messages");
        }
    }
}
