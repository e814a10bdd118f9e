using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceBooking.Domain.Telegram;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Telegram.Data;

internal sealed class TelegramBotConfiguration : IEntityTypeConfiguration<TelegramBot>
{
    public void Configure(EntityTypeBuilder<TelegramBot> builder)
    {
        builder.ToTable("telegram_bots", table => table.HasCheckConstraint("ck_telegram_bots_one", $"id = {TelegramBot.TheBot}"));
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Username).HasMaxLength(64);
        builder.Property(b => b.WebhookSecret).HasMaxLength(256);
        builder.Property(b => b.SavedById).HasMaxLength(450);
    }
}

internal sealed class TelegramLinkConfiguration : IEntityTypeConfiguration<TelegramLink>
{
    /// <summary>One person per chat: a chat linked again to someone else loses its earlier link in the same save.</summary>
    public const string OneChatOnePerson = "ux_telegram_links_chat";

    public void Configure(EntityTypeBuilder<TelegramLink> builder)
    {
        builder.ToTable("telegram_links");
        builder.HasKey(l => l.UserId);
        builder.Property(l => l.UserId).HasMaxLength(450);
        builder.Property(l => l.Username).HasMaxLength(64);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.ChatId).IsUnique().HasDatabaseName(OneChatOnePerson);
    }
}

internal sealed class TelegramLinkCodeConfiguration : IEntityTypeConfiguration<TelegramLinkCode>
{
    public void Configure(EntityTypeBuilder<TelegramLinkCode> builder)
    {
        builder.ToTable("telegram_link_codes");
        builder.HasKey(c => c.UserId);
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.CodeHash).IsUnique().HasDatabaseName("ux_telegram_link_codes_hash");
    }
}

internal sealed class TelegramUpdateConfiguration : IEntityTypeConfiguration<TelegramUpdate>
{
    public void Configure(EntityTypeBuilder<TelegramUpdate> builder)
    {
        builder.ToTable("telegram_updates");
        builder.HasKey(u => u.UpdateId);
        builder.Property(u => u.UpdateId).ValueGeneratedNever();
        builder.HasIndex(u => u.ReceivedAt).HasDatabaseName("ix_telegram_updates_received");
    }
}
