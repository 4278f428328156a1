using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Payment.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RefundDueReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "refund_due_reference",
                table: "stripe_events",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            // The flags written before this column said it in their note only: « À rembourser : paiement pi_… de … ».
            migrationBuilder.Sql(
                "UPDATE stripe_events SET refund_due_reference = split_part(substr(note, length('À rembourser : paiement ') + 1), ' ', 1) "
                + "WHERE outcome = 'Flagged' AND note LIKE 'À rembourser : paiement %';");

            migrationBuilder.CreateIndex(
                name: "ix_stripe_events_refund_due",
                table: "stripe_events",
                column: "refund_due_reference",
                filter: "refund_due_reference IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_stripe_events_refund_due",
                table: "stripe_events");

            migrationBuilder.DropColumn(
                name: "refund_due_reference",
                table: "stripe_events");
        }
    }
}
