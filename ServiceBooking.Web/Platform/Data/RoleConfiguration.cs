using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceBooking.Web.Platform.Data;

/// <summary>Seeds the roles with fixed ids, so they exist in every database from the first migration on.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder)
    {
        builder.HasIndex(r => r.NormalizedName).HasDatabaseName("ux_roles_normalized_name").IsUnique();
        builder.HasData(
            Role(Roles.Ids[Roles.Client], Roles.Client),
            Role(Roles.Ids[Roles.Manager], Roles.Manager),
            Role(Roles.Ids[Roles.Admin], Roles.Admin));
    }

    private static IdentityRole Role(string id, string name) => new()
    {
        Id = id,
        Name = name,
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };
}
