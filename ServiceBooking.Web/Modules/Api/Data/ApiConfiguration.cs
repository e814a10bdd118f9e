using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceBooking.Domain.Api;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Api.Data;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(ApiToken.MaxNameLength);
        builder.Property(t => t.Prefix).HasMaxLength(ApiTokenFormat.PrefixLength);
        builder.HasIndex(t => t.Prefix).IsUnique().HasDatabaseName("ux_api_tokens_prefix");
        builder.Property(t => t.SecretHash).HasMaxLength(32);
        builder.Property(t => t.Scopes).HasColumnType("text[]");
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.CreatedById).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.RevokedById).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.RevokedById).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(t => t.IsRevoked);
    }
}

internal sealed class ApiSessionConfiguration : IEntityTypeConfiguration<ApiSession>
{
    public void Configure(EntityTypeBuilder<ApiSession> builder)
    {
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId).HasDatabaseName("ix_api_sessions_user");
        builder.Property(s => s.Key).HasMaxLength(ApiTokenFormat.PrefixLength);
        builder.HasIndex(s => s.Key).IsUnique().HasDatabaseName("ux_api_sessions_key");
        builder.Property(s => s.Device).HasMaxLength(ApiSession.MaxDeviceLength);
        builder.Property(s => s.Scopes).HasColumnType("text[]");
        builder.Property(s => s.RefreshHash).HasMaxLength(32);
        builder.Property(s => s.PreviousHash).HasMaxLength(32);
        builder.Property(s => s.RevokedBecause).HasMaxLength(16);
        // xmin as the row's version: two refreshes with the same token at once, one wins and the other is told.
        builder.Property<uint>("Version").IsRowVersion();
    }
}

internal sealed class IdempotentAnswerConfiguration : IEntityTypeConfiguration<IdempotentAnswer>
{
    public void Configure(EntityTypeBuilder<IdempotentAnswer> builder)
    {
        builder.ToTable("api_idempotent_answers");
        builder.HasKey(a => new { a.Credential, a.Key });
        builder.Property(a => a.Credential).HasMaxLength(64);
        builder.Property(a => a.Key).HasMaxLength(IdempotentAnswer.MaxKeyLength);
        builder.Property(a => a.Endpoint).HasMaxLength(300);
        builder.Property(a => a.RequestHash).HasMaxLength(32);
        builder.Property(a => a.Location).HasMaxLength(300);
        builder.HasIndex(a => a.CreatedAt).HasDatabaseName("ix_api_idempotent_answers_created");
    }
}
