using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Catalog.Data;

internal sealed class OilConfiguration : IEntityTypeConfiguration<Oil>
{
    public void Configure(EntityTypeBuilder<Oil> builder)
    {
        builder.Property(o => o.Brand).HasMaxLength(Oil.MaxBrandLength);
        builder.Property(o => o.Viscosity).HasMaxLength(16);
        builder.Property(o => o.PricePerLitre).IsMoney();
        builder.Ignore(o => o.Name);
        builder.HasIndex(o => new { o.Brand, o.Viscosity }).IsUnique();
    }
}

internal sealed class EngineConfiguration : IEntityTypeConfiguration<Engine>
{
    public void Configure(EntityTypeBuilder<Engine> builder)
    {
        builder.Property(e => e.Code).HasMaxLength(Engine.MaxCodeLength);
        builder.Property(e => e.OilVolumeLitres).HasPrecision(5, 2);
        builder.Property(e => e.DisplacementLitres).HasPrecision(4, 1);
        builder.HasOne(e => e.Oil).WithMany().HasForeignKey(e => e.OilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.Code).IsUnique();
    }
}

internal sealed class CarModelConfiguration : IEntityTypeConfiguration<CarModel>
{
    public void Configure(EntityTypeBuilder<CarModel> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(CarModel.MaxNameLength);
        builder.Property(m => m.Coefficient).HasPrecision(4, 2);
        builder.Property(m => m.Picture).HasMaxLength(200);
        builder.HasOne(m => m.Engine).WithMany().HasForeignKey(m => m.EngineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.Name).IsUnique();
    }
}

internal sealed class LabourRateConfiguration : IEntityTypeConfiguration<LabourRate>
{
    public void Configure(EntityTypeBuilder<LabourRate> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.PricePerHour).IsMoney();
        builder.HasIndex(r => r.Name).IsUnique();
    }
}

internal sealed class PartConfiguration : IEntityTypeConfiguration<Part>
{
    public void Configure(EntityTypeBuilder<Part> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(120);
        builder.Property(p => p.Article).HasMaxLength(64);
        builder.Property(p => p.Price).IsMoney();
        builder.HasMany(p => p.CompatibleModels).WithMany().UsingEntity(
            "part_car_models",
            right => right.HasOne(typeof(CarModel)).WithMany().HasForeignKey("car_model_id").OnDelete(DeleteBehavior.Restrict),
            left => left.HasOne(typeof(Part)).WithMany().HasForeignKey("part_id").OnDelete(DeleteBehavior.Cascade));
        builder.Navigation(p => p.CompatibleModels).HasField("_compatibleModels");
    }
}

internal sealed class RepairTypeConfiguration : IEntityTypeConfiguration<RepairType>
{
    public void Configure(EntityTypeBuilder<RepairType> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.NormHours).HasPrecision(5, 2);
        builder.HasOne(r => r.LabourRate).WithMany().HasForeignKey(r => r.LabourRateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.CarModel).WithMany().HasForeignKey(r => r.CarModelId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(r => r.Parts, parts =>
        {
            parts.ToTable("repair_type_parts");
            parts.WithOwner().HasForeignKey("RepairTypeId");
            parts.HasKey("RepairTypeId", nameof(RepairTypePart.PartId));
            parts.HasOne(p => p.Part).WithMany().HasForeignKey(p => p.PartId).OnDelete(DeleteBehavior.Restrict);
            parts.ToTable(t => t.HasCheckConstraint("ck_repair_type_parts_quantity", "quantity between 1 and 100"));
        });
        builder.Navigation(r => r.Parts).HasField("_parts");
        // One "ТО-1" per model, and one "Диагностика" for any model.
        builder.HasIndex(r => new { r.Name, r.CarModelId }).IsUnique().AreNullsDistinct(false);
    }
}
