using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Garage;

public sealed class GarageTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private const string RioVin = "Z94C251ABJR012345";

    private Task<int> ModelIdAsync(string name) => WithServicesAsync(services =>
        services.GetRequiredService<ApplicationDbContext>().CarModels.Where(m => m.Name == name).Select(m => m.Id).SingleAsync());

    private Task<List<Car>> CarsAsync() => WithServicesAsync(services =>
        services.GetRequiredService<ApplicationDbContext>().Cars.AsNoTracking().Include(c => c.Model).OrderBy(c => c.Id).ToListAsync());

    private async Task<Dictionary<string, string>> FormAsync(string vin = RioVin, string plate = "a123bc777", string model = "Kia Rio (IV)",
        string saleDate = "2019-05-20", string mileage = "64000") => new()
    {
        ["Input.Vin"] = vin,
        ["Input.Plate"] = plate,
        ["Input.Certificate"] = "77 ya 123456".Replace("ya", "УА", StringComparison.Ordinal),
        ["Input.SaleDate"] = saleDate,
        ["Input.Mileage"] = mileage,
        ["Input.ModelId"] = (await ModelIdAsync(model)).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<HtmlPage> AddCarAsync(HtmlClient client, Dictionary<string, string> form) =>
        await client.SubmitAsync(await client.GetAsync("/Garage/Edit"), "[data-testid=car-form]", form);

    [Fact]
    public async Task A_stranger_is_sent_to_sign_in()
    {
        var page = await HtmlClient.For(Fixture.Site).GetAsync("/Garage");

        Assert.Equal("/Account/Login", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task A_client_adds_a_car_and_sees_it_with_its_picture_and_normalised_numbers()
    {
        await SeedDemoCatalogAsync();
        var client = await SignedInAsync(new UserBuilder("ivan"));

        var page = await AddCarAsync(client, await FormAsync(vin: "z94c 251abjr012345", plate: "A123BC777"));

        Assert.Equal("/Garage", page.Url.AbsolutePath);
        Assert.Equal("Kia Rio (IV)", page.TestId("car-model"));
        Assert.Equal("А 123 ВС 777", page.TestId("car-plate"));
        Assert.Equal(RioVin, page.TestId("car-vin"));
        var picture = page.Document.QuerySelector("[data-testid=car-picture]")!.GetAttribute("src")!;
        using var response = await client.Http.GetAsync(picture);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var car = Assert.Single(await CarsAsync());
        Assert.Equal(("А123ВС777", "77УА123456", 64000, new DateOnly(2019, 5, 20)), (car.Plate.Value, car.Certificate.Value, car.Mileage.Kilometres, car.SaleDate));
    }

    [Fact]
    public async Task A_bad_vin_is_refused_at_its_field_and_everything_else_is_kept()
    {
        await SeedDemoCatalogAsync();
        var client = await SignedInAsync(new UserBuilder("ivan"));
        var form = await FormAsync(vin: "Z94C251ABJRO12345");

        var page = await AddCarAsync(client, form);

        Assert.Equal("В VIN не бывает буквы O (I, O и Q не используются).", page.FieldError("Vin"));
        Assert.Equal("Z94C251ABJRO12345", page.FieldValue("Vin"));
        Assert.Equal("a123bc777", page.FieldValue("Plate"));
        Assert.Equal("2019-05-20", page.FieldValue("SaleDate"));
        Assert.Equal("64000", page.FieldValue("Mileage"));
        var chosen = page.Document.QuerySelector("[data-testid=model-option][checked]");
        Assert.Equal("Kia Rio (IV)", chosen?.GetAttribute("data-name"));
        Assert.Empty(await CarsAsync());
    }

    [Theory]
    [InlineData("Input.Plate", "А123Б77", "Plate", "На номерах бывают только буквы")]
    [InlineData("Input.Certificate", "77 УА 12345", "Certificate", "Укажите номер СТС в виде")]
    [InlineData("Input.SaleDate", "2099-01-01", "SaleDate", "Дата продажи не может быть в будущем.")]
    [InlineData("Input.Mileage", "-5", "Mileage", "Пробег не может быть отрицательным.")]
    [InlineData("Input.ModelId", "", "ModelId", "Выберите модель автомобиля.")]
    public async Task Each_bad_field_gets_its_own_message(string field, string value, string property, string message)
    {
        await SeedDemoCatalogAsync();
        var client = await SignedInAsync(new UserBuilder("ivan"));
        var form = await FormAsync();
        form[field] = value;

        var page = await AddCarAsync(client, form);

        Assert.StartsWith(message, page.FieldError(property), StringComparison.Ordinal);
        Assert.Empty(await CarsAsync());
    }

    [Fact]
    public async Task A_vin_or_plate_of_another_active_car_is_refused_but_freed_when_that_car_is_removed()
    {
        await SeedDemoCatalogAsync();
        var first = await SignedInAsync(new UserBuilder("ivan"));
        var second = await SignedInAsync(new UserBuilder("olga"));
        await AddCarAsync(first, await FormAsync());

        var vinTaken = await AddCarAsync(second, await FormAsync(plate: "В456ОР99"));
        var plateTaken = await AddCarAsync(second, await FormAsync(vin: "XTA21099043576182"));

        Assert.StartsWith("Автомобиль с таким VIN уже есть", vinTaken.FieldError("Vin"), StringComparison.Ordinal);
        Assert.StartsWith("Автомобиль с таким госномером уже есть", plateTaken.FieldError("Plate"), StringComparison.Ordinal);

        var garage = await first.GetAsync("/Garage");
        await first.SubmitAsync(garage, "[data-testid=car-card] form");
        var added = await AddCarAsync(second, await FormAsync());
        Assert.Equal("/Garage", added.Url.AbsolutePath);
        Assert.Equal(2, (await CarsAsync()).Count);
    }

    [Fact]
    public async Task Another_clients_car_is_a_404_to_see_edit_or_remove()
    {
        await SeedDemoCatalogAsync();
        var owner = await SignedInAsync(new UserBuilder("ivan"));
        await AddCarAsync(owner, await FormAsync());
        var id = (await CarsAsync()).Single().Id;
        var stranger = await SignedInAsync(new UserBuilder("olga"));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Garage/Edit/{id}")).Status);
        var ownForm = await stranger.GetAsync("/Garage/Edit");
        var token = ownForm.Document.QuerySelector("[data-testid=car-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = await FormAsync(plate: "В456ОР99");
        fields["__RequestVerificationToken"] = token;
        using var edit = await stranger.PostRawAsync($"/Garage/Edit/{id}", fields);
        using var remove = await stranger.PostRawAsync($"/Garage?id={id}&handler=Remove", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        var car = Assert.Single(await CarsAsync());
        Assert.Equal(("А123ВС777", true), (car.Plate.Value, car.IsActive));
        Assert.DoesNotContain(RioVin, (await stranger.GetAsync("/Garage")).Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lower_mileage_needs_the_owners_confirmation()
    {
        await SeedDemoCatalogAsync();
        var client = await SignedInAsync(new UserBuilder("ivan"));
        await AddCarAsync(client, await FormAsync(mileage: "64000"));
        var id = (await CarsAsync()).Single().Id;

        var lower = await client.SubmitAsync(await client.GetAsync($"/Garage/Edit/{id}"), "[data-testid=car-form]",
            new Dictionary<string, string> { ["Input.Mileage"] = "46000" });
        Assert.StartsWith("Пробег меньше прежнего (64", lower.FieldError("Mileage"), StringComparison.Ordinal);
        Assert.True(lower.Has("ConfirmMileageDecrease"));
        Assert.Equal(64000, (await CarsAsync()).Single().Mileage.Kilometres);

        var confirmed = await client.SubmitAsync(lower, "[data-testid=car-form]",
            new Dictionary<string, string> { ["Input.Mileage"] = "46000", ["Input.ConfirmMileageDecrease"] = "true" });
        Assert.Equal("/Garage", confirmed.Url.AbsolutePath);
        Assert.Equal(46000, (await CarsAsync()).Single().Mileage.Kilometres);
    }

    [Fact]
    public async Task The_gallery_filter_narrows_the_models_and_keeps_the_chosen_one()
    {
        await SeedDemoCatalogAsync();
        var client = await SignedInAsync(new UserBuilder("ivan"));
        var vesta = await ModelIdAsync("Lada Vesta");

        var rio = await client.GetAsync("/Garage/Edit?handler=Models&filter=RIO");
        var rioWithVesta = await client.GetAsync($"/Garage/Edit?handler=Models&filter=rio&Input.ModelId={vesta}");

        Assert.Equal(["Kia Rio (IV)"], rio.Document.QuerySelectorAll("[data-testid=model-option]").Select(o => o.GetAttribute("data-name")));
        Assert.Equal(["Kia Rio (IV)", "Lada Vesta"], rioWithVesta.Document.QuerySelectorAll("[data-testid=model-option]").Select(o => o.GetAttribute("data-name")).Order());
        Assert.NotNull(rioWithVesta.Document.QuerySelector($"[data-testid=model-option][value='{vesta}'][checked]"));
    }

    [Fact]
    public async Task Twenty_clients_adding_the_same_vin_at_once_make_one_car_and_no_server_error()
    {
        await SeedDemoCatalogAsync();
        var clients = new List<HtmlClient>();
        for (var i = 0; i < 20; i++)
        {
            clients.Add(await SignedInAsync(new UserBuilder($"racer{i}")));
        }

        var forms = await Task.WhenAll(clients.Select(c => c.GetAsync("/Garage/Edit")));
        var results = await Task.WhenAll(clients.Select(async (c, i) =>
            await c.SubmitAsync(forms[i], "[data-testid=car-form]", await FormAsync(plate: $"В{100 + i}ОР99"))));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(results, r => r.Url.AbsolutePath == "/Garage");
        Assert.Single(await CarsAsync());
    }

    [Fact]
    public async Task The_gallery_filter_of_both_forms_points_at_the_models_handler()
    {
        await SeedDemoCatalogAsync();
        var client = await SignedInAsync(new UserBuilder("ivan"));
        await AddCarAsync(client, await FormAsync());
        var id = (await CarsAsync()).Single().Id;

        var add = await client.GetAsync("/Garage/Edit");
        var edit = await client.GetAsync($"/Garage/Edit/{id}");

        Assert.Equal("/Garage/Edit?handler=Models", add.Document.QuerySelector("[data-testid=model-filter]")!.GetAttribute("hx-get"));
        Assert.Equal($"/Garage/Edit/{id}?handler=Models", edit.Document.QuerySelector("[data-testid=model-filter]")!.GetAttribute("hx-get"));
    }
}
