using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Tests.Accounts.Domain;

public sealed class AdminRoleTests
{
    [Fact]
    public void Nobody_revokes_their_own_admin_role_even_with_other_admins()
    {
        var error = Assert.Throws<DomainException>(() => AdminRole.EnsureMayRevoke("boss", isSelf: true, admins: 3));

        Assert.Equal("AdminRole.Own", error.Code);
    }

    [Fact]
    public void The_last_admin_keeps_the_role()
    {
        var error = Assert.Throws<DomainException>(() => AdminRole.EnsureMayRevoke("oleg", isSelf: false, admins: 1));

        Assert.Equal("AdminRole.Last", error.Code);
        Assert.Equal(["oleg"], error.Arguments);
    }

    [Fact]
    public void Another_admin_loses_the_role_while_one_remains()
    {
        AdminRole.EnsureMayRevoke("oleg", isSelf: false, admins: 2);
    }
}
