using CommercialManagement.Notification.Worker.Domain;

namespace CommercialManagement.Notification.ServiceTests;

public sealed class StaffDirectoryTests
{
    private static readonly Guid Organisation = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StaffMember_AnOlderChangeArrivingLate_ChangesNothing()
    {
        var changed = Events.StaffMember(Organisation, Guid.NewGuid(), "julien@chalet-melezes.test", active: false, Now);
        var member = StaffMember.From(changed);

        member.Apply(changed with { OccurredAt = Now.AddMinutes(-5), Active = true, Email = "ancien@chalet-melezes.test" });

        Assert.False(member.Active);
        Assert.Equal("julien@chalet-melezes.test", member.Email);
    }

    [Fact]
    public void StaffMember_Disabled_IsNotAlerted()
    {
        var changed = Events.StaffMember(Organisation, Guid.NewGuid(), "julien@chalet-melezes.test", active: true, Now);
        var member = StaffMember.From(changed);
        Assert.True(member.CanBeAlertedFor(Organisation));
        Assert.False(member.CanBeAlertedFor(Guid.NewGuid()));

        member.Apply(changed with { OccurredAt = Now.AddMinutes(1), Active = false });

        Assert.False(member.CanBeAlertedFor(Organisation));
    }

    [Fact]
    public void StaffMember_AChangeOfAnotherMember_IsRefused()
    {
        var member = StaffMember.From(Events.StaffMember(Organisation, Guid.NewGuid(), "julien@chalet-melezes.test", at: Now));

        Assert.Throws<InvalidOperationException>(() =>
            member.Apply(Events.StaffMember(Organisation, Guid.NewGuid(), "autre@chalet-melezes.test", at: Now.AddMinutes(1))));
    }
}
