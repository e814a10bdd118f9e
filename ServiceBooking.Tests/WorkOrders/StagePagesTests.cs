using System.Net;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.WorkOrders;

/// <summary>The stages on the order page and the shop's queue, through their forms, in Russian (the default).</summary>
public sealed class StagePagesTests(BookingFixture fixture) : WorkOrdersTest(fixture)
{
    private static readonly UserBuilder SupervisorUser = new UserBuilder("sveta").InRole(Roles.Supervisor).WithName("Светлова", "Светлана");
    private static readonly UserBuilder MechanicUser = new UserBuilder("misha").InRole(Roles.Mechanic).WithName("Михайлов", "Михаил");
    private static readonly UserBuilder ShopUser = new UserBuilder("gena").InRole(Roles.ShopMechanic).WithName("Геннадьев", "Геннадий");
    private static readonly UserBuilder OperatorUser = new UserBuilder("olga").InRole(Roles.Operator).WithName("Оператова", "Ольга");

    private async Task<string> IdOfAsync(UserBuilder user) => await DbAsync(db => db.Users.Where(u => u.UserName == user.Nickname).Select(u => u.Id).SingleAsync());

    /// <summary>The supervisor's and the mechanic's browsers, and an order given to the mechanic.</summary>
    private async Task<(HtmlClient Supervisor, HtmlClient Mechanic, int Order)> AssignedAsync()
    {
        var supervisor = await SignedInAsync(SupervisorUser);
        var mechanic = await SignedInAsync(MechanicUser);
        var order = await AssignedOrderAsync(Supervisor(await IdOfAsync(SupervisorUser)), await IdOfAsync(MechanicUser));
        return (supervisor, mechanic, order);
    }

    [Fact]
    public async Task A_refused_agreement_is_told_next_to_the_field_keeps_what_was_typed_and_a_returned_one_shows_the_comment()
    {
        var (supervisor, mechanic, order) = await AssignedAsync();

        var page = await mechanic.GetAsync($"/Orders/{order}");
        Assert.True(page.Has("form-Agreement"));
        Assert.False(page.Has("form-Prepayment"));
        var refused = await mechanic.SubmitAsync(page, "[data-testid=form-Agreement]", new Dictionary<string, string>
        {
            ["Agreement.Options[0].Description"] = "Замена передних стоек",
            ["Agreement.Options[0].Price"] = string.Empty,
            ["Agreement.AgreedSum"] = "9000",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("Укажите сумму.", refused.TestId("option-0-price-error"));
        Assert.Equal("Замена передних стоек", refused.Document.QuerySelector("[data-testid=option-0-description]")?.GetAttribute("value"));
        Assert.Equal("9000", refused.FieldValue("AgreedSum"));
        Assert.NotNull(refused.Document.QuerySelector("[data-testid=stage-form-Agreement][open]"));

        var sent = await mechanic.SubmitAsync(refused, "[data-testid=form-Agreement]", new Dictionary<string, string> { ["Agreement.Options[0].Price"] = "9000" });
        Assert.Equal("Этап отправлен куратору.", sent.TestId("status-message"));
        Assert.True(sent.Has("stage-waiting"));
        Assert.False(sent.Has("form-Agreement"));

        var toDecide = await supervisor.GetAsync($"/Orders/{order}");
        Assert.Contains("Замена передних стоек", toDecide.TestId("stage-options"), StringComparison.Ordinal);
        var noComment = await supervisor.SubmitAsync(toDecide, "[data-testid=return-form]", new Dictionary<string, string> { ["Comment"] = " " });
        Assert.Equal("Укажите, почему этап возвращён.", noComment.FieldError("Comment"));
        var returned = await supervisor.SubmitAsync(noComment, "[data-testid=return-form]", new Dictionary<string, string> { ["Comment"] = "Добавьте вариант ремонта стоек" });
        Assert.Equal("Этап возвращён механику.", returned.TestId("status-message"));

        var again = await mechanic.GetAsync($"/Orders/{order}");
        Assert.Equal("Добавьте вариант ремонта стоек", again.TestId("stage-comment"));
        Assert.Contains("повторно", again.Document.QuerySelector("[data-testid=stage-form-Agreement] summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("returned", again.Document.QuerySelectorAll("[data-testid=history-step]").Last().GetAttribute("data-step"));
    }

    [Fact]
    public async Task The_agreement_form_gets_more_option_rows_without_losing_what_was_typed()
    {
        var (_, mechanic, order) = await AssignedAsync();
        var page = await mechanic.GetAsync($"/Orders/{order}");
        Assert.Equal(Web.Modules.WorkOrders.Pages.Orders.Details.StartingRows, page.Document.QuerySelectorAll("[data-testid^=option-][data-testid$=-description]").Length);

        var more = await mechanic.SubmitAsync(page, "[data-testid=form-Agreement]", new Dictionary<string, string>
        {
            ["Agreement.Options[0].Description"] = "Замена", ["Agreement.Options[1].Description"] = "Ремонт",
        }, submitButton: "[data-testid=more-options]");

        Assert.Equal(3, more.Document.QuerySelectorAll("[data-testid^=option-][data-testid$=-description]").Length);
        Assert.Equal("Ремонт", more.Document.QuerySelector("[data-testid=option-1-description]")?.GetAttribute("value"));
        Assert.Equal(0, await DbAsync(db => db.StageSubmissions.CountAsync()));
    }

    [Fact]
    public async Task The_car_goes_to_the_shop_with_its_photo_which_only_the_orders_staff_can_open_and_the_shop_takes_and_files_the_work()
    {
        var (supervisor, mechanic, order) = await AssignedAsync();
        var mechanicActor = Mechanic(await IdOfAsync(MechanicUser));
        var supervisorActor = Supervisor(await IdOfAsync(SupervisorUser));
        await PrepaidAsync(order, supervisorActor, mechanicActor, 9000m, 3000m);

        var page = await mechanic.GetAsync($"/Orders/{order}");
        Assert.True(page.Has("form-InShop") && page.Has("form-Expenses") && page.Has("form-FinalReport"));
        var fields = new Dictionary<string, string> { ["InShop.DueDate"] = Today.AddDays(3).ToString("yyyy-MM-dd"), ["InShop.Problem"] = "Расточить диски" };
        var notAPhoto = await mechanic.SubmitWithFilesAsync(page, "[data-testid=form-InShop]", fields,
            new Dictionary<string, UploadFile> { ["InShop.Photo"] = new("car.jpg", "image/jpeg", "не фото"u8.ToArray()) });
        Assert.Equal("Это не фотография: подойдут JPEG, PNG или WebP.", notAPhoto.FieldError("Photo"));
        Assert.Equal("Расточить диски", notAPhoto.FieldValue("Problem"));
        var sent = await mechanic.SubmitWithFilesAsync(notAPhoto, "[data-testid=form-InShop]", fields,
            new Dictionary<string, UploadFile> { ["InShop.Photo"] = new("car.png", "image/png", Png) });
        Assert.Equal("Этап отправлен куратору.", sent.TestId("status-message"));

        var toDecide = await supervisor.GetAsync($"/Orders/{order}");
        var priority = await supervisor.SubmitAsync(toDecide, "[data-testid=priority-form]", new Dictionary<string, string> { ["Priority"] = "11" });
        Assert.Equal("Приоритет — от 1 до 10.", priority.FieldError("Priority"));
        Assert.Equal("11", priority.FieldValue("Priority"));
        await supervisor.SubmitAsync(priority, "[data-testid=approve-form]");
        var photoUrl = (await supervisor.GetAsync($"/Orders/{order}")).Document.QuerySelector("[data-testid=stage-photo]")!.GetAttribute("href")!;
        using (var photo = await supervisor.Http.GetAsync(photoUrl))
        {
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Png, await photo.Content.ReadAsByteArrayAsync());
            Assert.Contains("sandbox", photo.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        var operatorClient = await SignedInAsync(OperatorUser);
        Assert.False((await operatorClient.GetAsync($"/Orders/{order}")).Has("stage-photo"));
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.Http.GetAsync(photoUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.Http.GetAsync("/Workshop")).StatusCode);
        Assert.True((await mechanic.GetAsync($"/Orders/{order}")).Has("stage-in-shop"));

        var shop = await SignedInAsync(ShopUser);
        var queue = await shop.GetAsync("/Workshop");
        Assert.Equal("Расточить диски", queue.TestId("queue-problem"));
        Assert.Equal(Today.AddDays(3).ToString("dd.MM.yyyy"), queue.TestId("queue-due"));
        var claimed = await shop.SubmitAsync(queue, "[data-testid=queue-row] form");
        Assert.True(claimed.Has("file-form"));
        var noSum = await shop.SubmitAsync(claimed, "[data-testid=file-form]", new Dictionary<string, string> { ["Sum"] = string.Empty });
        Assert.Equal("Укажите сумму.", noSum.TestId("queue-error"));
        var filed = await shop.SubmitAsync(noSum, "[data-testid=file-form]", new Dictionary<string, string> { ["Sum"] = "1500" });
        Assert.True(filed.Has("queue-empty"));

        var back = await mechanic.GetAsync($"/Orders/{order}");
        Assert.Contains("Геннадьев Геннадий", back.TestId("shop-work"), StringComparison.Ordinal);
        Assert.False(back.Has("form-InShop"));
        Assert.True(back.Has("form-Expenses"));
        Assert.Contains("1", back.TestId("report-net-hint"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expenses_go_in_with_a_receipt_per_line_and_the_final_report_states_the_net_the_form_explains()
    {
        var (supervisor, mechanic, order) = await AssignedAsync();
        var mechanicActor = Mechanic(await IdOfAsync(MechanicUser));
        var supervisorActor = Supervisor(await IdOfAsync(SupervisorUser));
        await PrepaidAsync(order, supervisorActor, mechanicActor, 9000m, 3000m);

        var page = await mechanic.GetAsync($"/Orders/{order}");
        var noReceipt = await mechanic.SubmitWithFilesAsync(page, "[data-testid=form-Expenses]", new Dictionary<string, string>
        {
            ["Expenses.Lines[0].Kind"] = "Parts", ["Expenses.Lines[0].Description"] = "Стойки KYB", ["Expenses.Lines[0].Sum"] = "4000",
        });
        Assert.Equal("Приложите фото чека.", noReceipt.TestId("expense-0-receipt-error"));
        Assert.Equal("Стойки KYB", noReceipt.Document.QuerySelector("[data-testid=expense-0-description]")?.GetAttribute("value"));
        var sent = await mechanic.SubmitWithFilesAsync(noReceipt, "[data-testid=form-Expenses]", new Dictionary<string, string>
        {
            ["Expenses.Lines[0].Kind"] = "Parts", ["Expenses.Lines[0].Description"] = "Стойки KYB", ["Expenses.Lines[0].Sum"] = "4000",
        }, new Dictionary<string, UploadFile> { ["Expenses.Lines[0].Receipt"] = new("receipt.png", "image/png", Png) });
        Assert.Equal("Этап отправлен куратору.", sent.TestId("status-message"));
        var decided = await supervisor.SubmitAsync(await supervisor.GetAsync($"/Orders/{order}"), "[data-testid=approve-form]");
        Assert.Equal("Этап принят.", decided.TestId("status-message"));
        Assert.True(decided.Has("stage-receipt"));

        var report = await mechanic.GetAsync($"/Orders/{order}");
        Assert.False(report.Has("form-Expenses"));
        var wrongNet = await mechanic.SubmitWithFilesAsync(report, "[data-testid=form-FinalReport]",
            new Dictionary<string, string> { ["Report.Total"] = "9000", ["Report.Net"] = "9000" },
            new Dictionary<string, UploadFile> { ["Report.Contract"] = new("contract.png", "image/png", Png) });
        Assert.StartsWith("Сумма «чистыми» должна быть 5", wrongNet.FieldError("Net"), StringComparison.Ordinal);
        Assert.Equal("9000", wrongNet.FieldValue("Total"));
        await mechanic.SubmitWithFilesAsync(wrongNet, "[data-testid=form-FinalReport]",
            new Dictionary<string, string> { ["Report.Total"] = "9000", ["Report.Net"] = "5000" },
            new Dictionary<string, UploadFile> { ["Report.Contract"] = new("contract.png", "image/png", Png) });
        var done = await supervisor.SubmitAsync(await supervisor.GetAsync($"/Orders/{order}"), "[data-testid=approve-form]");

        Assert.Equal("Выполнен", done.TestId("order-status"));
        Assert.False(done.Has("decide"));
        Assert.Equal(WorkOrderStatus.Done, await DbAsync(db => db.WorkOrders.Where(o => o.Id == order).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task Nobody_but_the_orders_mechanic_submits_and_nobody_but_a_supervisor_decides_through_the_page()
    {
        var (supervisor, mechanic, order) = await AssignedAsync();
        var page = await mechanic.GetAsync($"/Orders/{order}");
        var fields = new Dictionary<string, string> { ["Agreement.Options[0].Description"] = "Замена", ["Agreement.Options[0].Price"] = "100", ["Agreement.AgreedSum"] = "100" };

        var bySupervisor = await supervisor.Http.PostAsync($"/Orders/{order}?handler=Agreement", Form(await supervisor.GetAsync($"/Orders/{order}"), fields));
        var sent = await mechanic.SubmitAsync(page, "[data-testid=form-Agreement]", fields);
        var byMechanic = await mechanic.Http.PostAsync($"/Orders/{order}?handler=Approve", Form(sent, []));

        Assert.Equal(HttpStatusCode.NotFound, bySupervisor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byMechanic.StatusCode);
        Assert.False(sent.Has("decide"));
        Assert.True((await supervisor.GetAsync($"/Orders/{order}")).Has("decide"));
        Assert.Equal(SubmissionState.Submitted, await DbAsync(db => db.StageSubmissions.Select(s => s.State).SingleAsync()));
    }

    [Fact]
    public async Task A_stage_form_far_over_the_photo_limit_is_refused_with_413_before_it_is_read()
    {
        var (_, mechanic, order) = await AssignedAsync();
        var page = await mechanic.GetAsync($"/Orders/{order}");
        var token = page.Document.QuerySelector("[data-testid=form-Agreement] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        content.Add(new StringContent("Расточить диски"), "InShop.Problem");
        // Eight photos of 5 MB are the most a form takes; 42 MB is more than that and the margin.
        content.Add(new ByteArrayContent(new byte[42 * 1024 * 1024]), "InShop.Photo", "huge.png");

        using var response = await mechanic.Http.PostAsync($"/Orders/{order}?handler=InShop", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await DbAsync(db => db.StageSubmissions.CountAsync()));
    }

    private static FormUrlEncodedContent Form(HtmlPage tokenSource, Dictionary<string, string> fields)
    {
        var token = tokenSource.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No antiforgery token on the page.");
        return new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
    }
}
