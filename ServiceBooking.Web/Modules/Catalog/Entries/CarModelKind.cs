using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Uploads;

namespace ServiceBooking.Web.Modules.Catalog.Entries;

/// <summary>What an Admin typed for a car model; <paramref name="Picture"/> null keeps the current picture.</summary>
public sealed record CarModelDraft(string Name, decimal Coefficient, int EngineId, IFormFile? Picture);

/// <summary>What a car model's form offers: the active engines and the model's own, and the size a picture may have.</summary>
public sealed record CarModelChoices(IReadOnlyList<Engine> Engines, decimal MaxMegabytes);

/// <summary>
/// Car models: one per name, each with a picture (required for a new one; a new picture replaces the old, whose file is
/// deleted once the model is saved). Cars, parts and repair types use them.
/// </summary>
public sealed class CarModelKind(ApplicationDbContext db, PictureStore pictures) : AdminEntryKind<CarModel, CarModelDraft, CarModelChoices>
{
    public async Task<IReadOnlyList<CarModel>> ListAsync(CancellationToken cancellationToken) =>
        await db.CarModels.AsNoTracking().Include(m => m.Engine).OrderBy(m => m.Name).ToListAsync(cancellationToken);

    public override IQueryable<CarModel> ForEditing(IQueryable<CarModel> entries) => entries.Include(m => m.Engine);

    public override async Task<CarModelChoices> ChoicesAsync(CarModel? entry, CancellationToken cancellationToken)
    {
        var engines = await db.Engines.AsNoTracking()
            .Where(Choices.Offered<Engine>(entry?.EngineId))
            .OrderBy(e => e.Code)
            .ToListAsync(cancellationToken);
        return new CarModelChoices(engines, pictures.MaxBytes / (1024m * 1024m));
    }

    public override async Task<CarModel> CreateAsync(CarModelDraft draft, CancellationToken cancellationToken)
    {
        var model = new CarModel(draft.Name, draft.Coefficient, await EngineAsync(draft.EngineId, cancellationToken));
        return draft.Picture is null ? throw new DomainException("CarModel.PictureRequired") : model;
    }

    public override async Task UpdateAsync(CarModel entry, CarModelDraft draft, CancellationToken cancellationToken) =>
        entry.Update(draft.Name, draft.Coefficient, await EngineAsync(draft.EngineId, cancellationToken));

    public override EntryKey<CarModel> KeyOf(CarModel entry) =>
        new(m => m.Name == entry.Name, "ix_car_models_name", new DomainException("CarModel.NameTaken", entry.Name));

    /// <summary>
    /// Stores the uploaded picture (checked by its content) and gives it to the model; once the model is saved the picture
    /// it replaced is deleted, and when the save fails the new one is.
    /// </summary>
    public override async Task<SaveEffects?> PrepareAsync(CarModel entry, CarModelDraft draft, CancellationToken cancellationToken)
    {
        if (draft.Picture is not { } upload)
        {
            return null;
        }

        await using var content = upload.OpenReadStream();
        var (stored, problem) = await pictures.SaveAsync(content, upload.Length, cancellationToken);
        if (stored is null)
        {
            throw problem switch
            {
                ImageProblem.Empty => new DomainException("CarModel.PictureEmpty"),
                ImageProblem.TooLarge => new DomainException("CarModel.PictureTooLarge", pictures.MaxBytes / (1024m * 1024m)),
                _ => new DomainException("CarModel.PictureNotAPicture"),
            };
        }

        var replaced = entry.Picture;
        entry.SetPicture(stored);
        return new SaveEffects(Committed: () => pictures.Delete(replaced), Abandoned: () => pictures.Delete(stored));
    }

    /// <summary>The cars of the model, the parts that fit it and the repair types for it.</summary>
    public override async Task<EntryUses> CountUsesAsync(int id, CancellationToken cancellationToken) => EntryUses.Of(
        await db.Cars.CountAsync(c => c.ModelId == id, cancellationToken),
        await db.Parts.CountAsync(p => p.CompatibleModels.Any(m => m.Id == id), cancellationToken),
        await db.RepairTypes.CountAsync(r => r.CarModelId == id, cancellationToken));

    /// <summary>A deleted model takes its picture with it.</summary>
    public override void Deleted(CarModel entry) => pictures.Delete(entry.Picture);

    /// <summary>The chosen engine; whether a deactivated one may stay is the Domain's call (only as the model's own).</summary>
    private async Task<Engine> EngineAsync(int id, CancellationToken cancellationToken) =>
        await db.Engines.FindAsync([id], cancellationToken) ?? throw new DomainException("CarModel.EngineUnknown");
}
