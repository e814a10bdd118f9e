using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.Catalog;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Catalog;

public sealed class ModelsTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    /// <summary>A real 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A real 1×1 JPEG.</summary>
    private static readonly byte[] Jpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=");

    /// <summary>A real 1×1 GIF: a picture, but not one of the accepted kinds.</summary>
    private static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private Task<HtmlClient> AdminAsync() => SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));

    private Task<CarModel?> FindModelAsync(string name) => WithServicesAsync(services =>
        services.GetRequiredService<ApplicationDbContext>().CarModels.AsNoTracking().SingleOrDefaultAsync(m => m.Name == name));

    private Task<int> ArrangeAsync(params object[] entities) => WithServicesAsync(services =>
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        db.AddRange(entities);
        return db.SaveChangesAsync();
    });

    /// <summary>Stores a picture the way an earlier upload would have, and returns its name.</summary>
    private Task<string> StoredPictureAsync() => WithServicesAsync(async services =>
        (await services.GetRequiredService<PictureStore>().SaveAsync(new MemoryStream(Png), Png.Length, CancellationToken.None)).FileName!);

    private string[] StoredFiles() =>
        Directory.Exists(Fixture.Site.PictureFolder) ? [.. Directory.GetFiles(Fixture.Site.PictureFolder).Select(path => Path.GetFileName(path)).Order()] : [];

    private static Engine Engine(string code = "G4FG", bool active = true)
    {
        var engine = new Engine(code, new Oil($"Shell {code}", "5W-30", Money.FromRoubles(950m)), 3.6m, 1.6m);
        if (!active)
        {
            engine.Deactivate();
        }

        return engine;
    }

    private static Dictionary<string, string> Form(Engine engine, string name = "Kia Rio (IV)", string coefficient = "1,05") => new()
    {
        ["Input.Name"] = name,
        ["Input.Coefficient"] = coefficient,
        ["Input.EngineId"] = engine.Id.ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, UploadFile> Picture(string fileName, string contentType, byte[] content) =>
        new() { ["Input.Picture"] = new UploadFile(fileName, contentType, content) };

    private static IHtmlSelectElement EngineSelect(HtmlPage page) => (IHtmlSelectElement)page.Document.QuerySelector("[data-testid=EngineId]")!;

    [Fact]
    public async Task A_new_model_with_a_png_picture_is_listed_with_it_and_the_picture_is_served()
    {
        var engine = Engine();
        await ArrangeAsync(engine);
        var admin = await AdminAsync();

        var page = await admin.SubmitWithFilesAsync(await admin.GetAsync("/Admin/Models/Edit"), "[data-testid=model-form]",
            Form(engine), Picture("rio.png", "image/png", Png));

        Assert.Equal("/Admin/Models", page.Url.AbsolutePath);
        var model = await FindModelAsync("Kia Rio (IV)");
        Assert.NotNull(model);
        Assert.Equal((1.05m, engine.Id, true), (model.Coefficient, model.EngineId, model.IsActive));
        Assert.EndsWith(".png", model.Picture, StringComparison.Ordinal);
        var thumbnail = page.Document.QuerySelector("[data-testid=model-picture]")!;
        Assert.Equal(($"/pictures/{model.Picture}", "Kia Rio (IV)"), (thumbnail.GetAttribute("src"), thumbnail.GetAttribute("alt")));
        Assert.Equal(("G4FG", "1,05"), (page.TestId("model-engine"), page.TestId("model-coefficient")));

        using var served = await admin.Http.GetAsync($"/pictures/{model.Picture}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_jpeg_is_recognised_by_its_content_whatever_its_name_and_declared_type()
    {
        var engine = Engine();
        await ArrangeAsync(engine);
        var admin = await AdminAsync();

        await admin.SubmitWithFilesAsync(await admin.GetAsync("/Admin/Models/Edit"), "[data-testid=model-form]",
            Form(engine), Picture("scan.bin", "application/octet-stream", Jpeg));

        var model = await FindModelAsync("Kia Rio (IV)");
        Assert.EndsWith(".jpg", model!.Picture, StringComparison.Ordinal);
        using var served = await admin.Http.GetAsync($"/pictures/{model.Picture}");
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("gif", "Этот файл не является изображением PNG, JPEG или WebP.")]
    [InlineData("text", "Этот файл не является изображением PNG, JPEG или WebP.")]
    [InlineData("renamed", "Этот файл не является изображением PNG, JPEG или WebP.")]
    [InlineData("oversized", "Изображение больше 2 МБ; выберите файл поменьше.")]
    [InlineData("empty", "Файл пустой; выберите изображение.")]
    public async Task A_refused_upload_is_explained_at_the_picture_field_and_the_typed_fields_are_kept(string upload, string message)
    {
        var engine = Engine();
        await ArrangeAsync(engine);
        var admin = await AdminAsync();
        var before = StoredFiles();
        var file = upload switch
        {
            "gif" => new UploadFile("rio.gif", "image/gif", Gif),
            "text" => new UploadFile("notes.txt", "text/plain", "Kia Rio, 2019"u8.ToArray()),
            "renamed" => new UploadFile("photo.png", "image/png", "this is not a picture"u8.ToArray()),
            "oversized" => new UploadFile("huge.png", "image/png", [.. Png, .. new byte[(2 * 1024 * 1024) + 1 - Png.Length]]),
            _ => new UploadFile("empty.png", "image/png", []),
        };

        var page = await admin.SubmitWithFilesAsync(await admin.GetAsync("/Admin/Models/Edit"), "[data-testid=model-form]",
            Form(engine, coefficient: "1,25"), new Dictionary<string, UploadFile> { ["Input.Picture"] = file });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.FieldError("Picture"));
        Assert.Equal(("Kia Rio (IV)", "1,25"), (page.FieldValue("Name"), page.FieldValue("Coefficient")));
        Assert.Equal(engine.Id.ToString(CultureInfo.InvariantCulture), EngineSelect(page).Value);
        Assert.Null(await FindModelAsync("Kia Rio (IV)"));
        Assert.Equal(before, StoredFiles());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_upload_far_over_the_limit_is_refused_with_413_before_the_form_is_read(bool declaresLength)
    {
        var engine = Engine();
        await ArrangeAsync(engine);
        var admin = await AdminAsync();
        var before = StoredFiles();
        var page = await admin.GetAsync("/Admin/Models/Edit");
        var token = page.Document.QuerySelector("[data-testid=model-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        content.Add(new StringContent("Kia Rio (IV)"), "Input.Name");
        var huge = new byte[6 * 1024 * 1024];
        HttpContent file = declaresLength ? new ByteArrayContent(huge) : new StreamContent(new MemoryStream(huge));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        content.Add(file, "Input.Picture", "huge.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Admin/Models/Edit") { Content = content };
        if (!declaresLength)
        {
            // Sent in chunks: the server learns the size only by reading.
            request.Headers.TransferEncodingChunked = true;
        }

        using var response = await admin.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("data-status=\"413\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await FindModelAsync("Kia Rio (IV)"));
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task A_new_model_needs_a_picture()
    {
        var engine = Engine();
        await ArrangeAsync(engine);
        var admin = await AdminAsync();

        var page = await admin.SubmitWithFilesAsync(await admin.GetAsync("/Admin/Models/Edit"), "[data-testid=model-form]", Form(engine));

        Assert.Equal("Выберите изображение.", page.FieldError("Picture"));
        Assert.Equal("Kia Rio (IV)", page.FieldValue("Name"));
        Assert.Null(await FindModelAsync("Kia Rio (IV)"));
    }

    [Fact]
    public async Task A_bad_coefficient_is_shown_at_its_field_and_the_accepted_upload_is_not_kept()
    {
        var engine = Engine();
        await ArrangeAsync(engine);
        var admin = await AdminAsync();
        var before = StoredFiles();

        var page = await admin.SubmitWithFilesAsync(await admin.GetAsync("/Admin/Models/Edit"), "[data-testid=model-form]",
            Form(engine, coefficient: "7"), Picture("rio.png", "image/png", Png));

        Assert.Equal("Коэффициент должен быть от 0,5 до 5 (не больше двух знаков после запятой).", page.FieldError("Coefficient"));
        Assert.Equal(("7", string.Empty), (page.FieldValue("Coefficient"), page.FieldError("Picture")));
        Assert.Null(await FindModelAsync("Kia Rio (IV)"));
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task A_second_model_with_the_same_name_is_refused_at_the_name()
    {
        var engine = Engine();
        await ArrangeAsync(engine, new CarModel("Kia Rio (IV)", 1.05m, engine));
        var admin = await AdminAsync();

        var page = await admin.SubmitWithFilesAsync(await admin.GetAsync("/Admin/Models/Edit"), "[data-testid=model-form]",
            Form(engine, name: "Kia  Rio (IV)"), Picture("rio.png", "image/png", Png));

        Assert.Equal("Модель Kia Rio (IV) уже есть в каталоге.", page.FieldError("Name"));
        Assert.Equal(1, await WithServicesAsync(services => services.GetRequiredService<ApplicationDbContext>().CarModels.CountAsync()));
    }

    [Fact]
    public async Task Editing_keeps_the_picture_unless_a_new_one_is_uploaded_which_replaces_the_old_file()
    {
        var current = Engine("G4FG");
        var other = Engine("G4LC");
        var picture = await StoredPictureAsync();
        var model = new CarModel("Kia Rio (IV)", 1.05m, current);
        model.SetPicture(picture);
        await ArrangeAsync(model, other, Engine("K7M", active: false));
        await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<ApplicationDbContext>();
            (await db.Engines.SingleAsync(e => e.Code == "G4FG")).Deactivate();
            return await db.SaveChangesAsync();
        });
        var admin = await AdminAsync();

        var form = await admin.GetAsync($"/Admin/Models/Edit/{model.Id}");
        var offered = EngineSelect(form).Options.Where(o => o.Value.Length > 0).Select(o => o.Text.Trim()).ToList();
        await admin.SubmitWithFilesAsync(form, "[data-testid=model-form]", new Dictionary<string, string> { ["Input.Name"] = "Kia Rio (IV) рестайлинг" });
        var kept = await FindModelAsync("Kia Rio (IV) рестайлинг");
        await admin.SubmitWithFilesAsync(await admin.GetAsync($"/Admin/Models/Edit/{model.Id}"), "[data-testid=model-form]",
            new Dictionary<string, string> { ["Input.EngineId"] = other.Id.ToString(CultureInfo.InvariantCulture) }, Picture("new.jpg", "image/jpeg", Jpeg));
        var replaced = await FindModelAsync("Kia Rio (IV) рестайлинг");

        Assert.Equal(["G4FG, 1,6 л", "G4LC, 1,6 л"], offered);
        Assert.Equal($"/pictures/{picture}", form.Document.QuerySelector("[data-testid=current-picture]")!.GetAttribute("src"));
        Assert.Equal((picture, current.Id), (kept!.Picture, kept.EngineId));
        Assert.EndsWith(".jpg", replaced!.Picture, StringComparison.Ordinal);
        Assert.Equal(other.Id, replaced.EngineId);
        Assert.Contains(replaced.Picture!, StoredFiles());
        Assert.DoesNotContain(picture, StoredFiles());
    }

    [Fact]
    public async Task A_model_in_use_is_deactivated_instead_of_deleted_and_an_unused_one_is_deleted_with_its_picture()
    {
        var engine = Engine();
        var used = new CarModel("Kia Rio (IV)", 1.05m, engine);
        var unused = new CarModel("Hyundai Solaris (II)", 1.05m, engine);
        var picture = await StoredPictureAsync();
        unused.SetPicture(picture);
        var owner = await CreateUserAsync(new UserBuilder("ivan"));
        var car = Car.Register(owner.Id, new CarDetails(Vin.Parse("Z94CB41AAGR323020"), PlateNumber.Parse("А123ВС77"),
            RegistrationCertificateNumber.Parse("77 УА 123456"), new DateOnly(2020, 5, 1), Mileage.FromKilometres(45000), used), new DateOnly(2026, 1, 1));
        var rate = new LabourRate("Техническое обслуживание", LabourKind.Maintenance, Money.FromRoubles(2600m));
        var filter = new Part("Фильтр масляный", "26300-35505", Money.FromRoubles(650m), [used]);
        await ArrangeAsync(used, unused, car, filter, new RepairType("ТО-1", 1.5m, rate, used, includesOilChange: true));
        var admin = await AdminAsync();

        var afterUsed = await admin.SubmitAsync(await admin.GetAsync("/Admin/Models"), $"form[action='/Admin/Models?id={used.Id}&handler=Delete']");
        var afterUnused = await admin.SubmitAsync(afterUsed, $"form[action='/Admin/Models?id={unused.Id}&handler=Delete']");

        Assert.Equal("Модель «Kia Rio (IV)» используется (автомобили: 1, расходники: 1, типы ремонта: 1), поэтому она деактивирована, а не удалена.",
            afterUsed.TestId("status-message"));
        Assert.False((await FindModelAsync("Kia Rio (IV)"))!.IsActive);
        Assert.Equal("«Hyundai Solaris (II)» удалено.", afterUnused.TestId("status-message"));
        Assert.Null(await FindModelAsync("Hyundai Solaris (II)"));
        Assert.DoesNotContain(picture, StoredFiles());
    }

    [Fact]
    public async Task An_unknown_model_is_a_404()
    {
        var engine = Engine();
        var model = new CarModel("Kia Rio (IV)", 1.05m, engine);
        await ArrangeAsync(model);
        var admin = await AdminAsync();
        var form = await admin.GetAsync($"/Admin/Models/Edit/{model.Id}");
        form.Document.QuerySelector("[data-testid=model-form]")!.SetAttribute("action", "/Admin/Models/Edit/999999");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Models/Edit/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.SubmitWithFilesAsync(form, "[data-testid=model-form]", null, Picture("rio.png", "image/png", Png))).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Admin/Models/Edit/{model.Id}")).Status);
    }

    [Fact]
    public async Task Ten_admins_adding_the_same_model_at_once_keep_one_model_and_only_its_picture()
    {
        var engine = Engine();
        await ArrangeAsync(engine);
        var admins = new List<HtmlClient> { await AdminAsync() };
        for (var i = 1; i < 10; i++)
        {
            admins.Add(await SignInAsync(new UserBuilder("boss")));
        }

        var forms = await Task.WhenAll(admins.Select(a => a.GetAsync("/Admin/Models/Edit")));
        var pages = await Task.WhenAll(admins.Select((a, i) =>
            a.SubmitWithFilesAsync(forms[i], "[data-testid=model-form]", Form(engine), Picture("rio.png", "image/png", Png))));

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Single(pages, p => p.Url.AbsolutePath == "/Admin/Models");
        Assert.All(pages.Where(p => p.Url.AbsolutePath != "/Admin/Models"), p => Assert.Equal("Модель Kia Rio (IV) уже есть в каталоге.", p.FieldError("Name")));
        var model = await FindModelAsync("Kia Rio (IV)");
        Assert.Equal([model!.Picture!], StoredFiles());
    }
}
