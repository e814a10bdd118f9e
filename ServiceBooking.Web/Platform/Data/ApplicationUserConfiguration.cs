using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceBooking.Domain.Accounts;

namespace ServiceBooking.Web.Platform.Data;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.UserName).HasMaxLength(Nickname.MaxLength);
        builder.Property(u => u.NormalizedUserName).HasMaxLength(Nickname.MaxLength);
        builder.Property(u => u.FirstName).HasMaxLength(PersonName.MaxPartLength);
        builder.Property(u => u.LastName).HasMaxLength(PersonName.MaxPartLength);
        builder.Property(u => u.Patronymic).HasMaxLength(PersonName.MaxPartLength);
        builder.Property(u => u.PreferredCulture).HasMaxLength(16);
        builder.Property(u => u.PhoneNumber).HasMaxLength(32);
        builder.Ignore(u => u.Name);

        // Identity checks uniqueness in code; the database makes it hold under concurrent registrations too.
        builder.HasIndex(u => u.NormalizedEmail).HasDatabaseName("ux_users_normalized_email").IsUnique();
        builder.HasIndex(u => u.NormalizedUserName).HasDatabaseName("ux_users_normalized_user_name").IsUnique();
        // The blacklist matches phones to accounts (an entry by phone covers the accounts with it), and the intake finds a
        // caller's account by phone: both on every order page and form.
        builder.HasIndex(u => u.PhoneNumber).HasDatabaseName("ix_users_phone_number");
    }
}
