using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceBooking.Domain.Bookings;

namespace ServiceBooking.Web.Modules.Bookings.Data;

internal sealed class ServiceAdvisorConfiguration : IEntityTypeConfiguration<ServiceAdvisor>
{
    public void Configure(EntityTypeBuilder<ServiceAdvisor> builder)
    {
        builder.Property(a => a.LastName).HasMaxLength(64);
        builder.Property(a => a.FirstName).HasMaxLength(64);
        builder.Property(a => a.Patronymic).HasMaxLength(64);
        builder.Ignore(a => a.Name);
    }
}

internal sealed class DayOffConfiguration : IEntityTypeConfiguration<DayOff>
{
    public void Configure(EntityTypeBuilder<DayOff> builder)
    {
        builder.ToTable("days_off");
        builder.Property(d => d.Reason).HasMaxLength(200);
        builder.HasIndex(d => d.Date).IsUnique();
    }
}
