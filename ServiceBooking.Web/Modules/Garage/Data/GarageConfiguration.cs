using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Garage.Data;

internal sealed class CarConfiguration : IEntityTypeConfiguration<Car>
{
    public void Configure(EntityTypeBuilder<Car> builder)
    {
        builder.Property(c => c.OwnerId).HasMaxLength(450);
        builder.Property(c => c.Vin).HasConversion(Converters.Vin).HasMaxLength(Vin.Length);
        builder.Property(c => c.Plate).HasConversion(Converters.Plate).HasMaxLength(9);
        builder.Property(c => c.Certificate).HasConversion(Converters.Certificate).HasMaxLength(10);
        builder.Property(c => c.Mileage).HasConversion(Converters.Mileage);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Model).WithMany().HasForeignKey(c => c.ModelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.OwnerId);

        // A VIN or plate belongs to one car in the garage at a time; removed cars keep theirs for history.
        builder.HasIndex(c => c.Vin).IsUnique().HasFilter("is_active").HasDatabaseName("ux_cars_vin_active");
        builder.HasIndex(c => c.Plate).IsUnique().HasFilter("is_active").HasDatabaseName("ux_cars_plate_active");
    }
}
