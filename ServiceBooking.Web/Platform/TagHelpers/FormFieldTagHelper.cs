using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ServiceBooking.Web.Platform.TagHelpers;

/// <summary>
/// <c>&lt;form-field asp-for="Input.Email" type="email" /&gt;</c>: a Bootstrap form group with the label, the input
/// (keeping what was typed), an optional hint and the field's message. The input and the message carry
/// <c>data-testid</c> = the property name and <c>{name}-error</c>, and the input points at the message with
/// <c>aria-describedby</c>. Password inputs are never filled back in.
/// </summary>
[HtmlTargetElement("form-field", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    /// <summary>text (default), email, password, tel, date, number, textarea.</summary>
    [HtmlAttributeName("type")]
    public string InputType { get; set; } = "text";

    [HtmlAttributeName("autocomplete")]
    public string? AutoComplete { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("autofocus")]
    public bool AutoFocus { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var fullName = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(fullName, "_");
        var testId = For.Metadata.PropertyName ?? id;
        var invalid = ViewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0;

        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, For.Name, labelText: null, htmlAttributes: null);
        label.AddCssClass("form-label");
        if (For.Metadata.IsRequired && For.ModelExplorer.ModelType != typeof(bool))
        {
            label.InnerHtml.AppendHtml("<span class=\"text-danger\" aria-hidden=\"true\"> *</span>");
        }

        var input = CreateInput();
        input.AddCssClass("form-control");
        input.MergeAttribute("data-testid", testId, replaceExisting: true);
        var describedBy = $"{id}-error";
        if (invalid)
        {
            input.AddCssClass("is-invalid");
            input.MergeAttribute("aria-invalid", "true", replaceExisting: true);
        }

        if (Hint is not null)
        {
            describedBy = $"{id}-hint {describedBy}";
        }

        input.MergeAttribute("aria-describedby", describedBy, replaceExisting: true);
        if (For.Metadata.IsRequired)
        {
            input.MergeAttribute("aria-required", "true", replaceExisting: true);
        }

        if (AutoComplete is not null)
        {
            input.MergeAttribute("autocomplete", AutoComplete, replaceExisting: true);
        }

        if (InputMode is not null)
        {
            input.MergeAttribute("inputmode", InputMode, replaceExisting: true);
        }

        if (AutoFocus)
        {
            input.MergeAttribute("autofocus", "autofocus", replaceExisting: true);
        }

        var message = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, For.Name, message: null, tag: "div", htmlAttributes: null);
        message.AddCssClass("invalid-feedback");
        message.MergeAttribute("id", $"{id}-error", replaceExisting: true);
        message.MergeAttribute("data-testid", $"{testId}-error", replaceExisting: true);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "mb-3");
        output.Content.AppendHtml(label).AppendHtml(input);
        if (Hint is not null)
        {
            output.Content.AppendHtml($"<div class=\"form-text\" id=\"{id}-hint\">")
                .Append(Hint)
                .AppendHtml("</div>");
        }

        output.Content.AppendHtml(message);
    }

    private TagBuilder CreateInput()
    {
        switch (InputType)
        {
            case "password":
                return generator.GeneratePassword(ViewContext, For.ModelExplorer, For.Name, value: null, htmlAttributes: null);
            case "file":
                // A file is never sent back to the browser: after a refusal it is chosen again.
                var file = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
                file.MergeAttribute("type", "file");
                file.MergeAttribute("name", ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name));
                file.GenerateId(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name), "_");
                file.MergeAttribute("accept", "image/jpeg,image/png,image/webp");
                return file;
            case "textarea":
                return generator.GenerateTextArea(ViewContext, For.ModelExplorer, For.Name, rows: 5, columns: 0, htmlAttributes: null);
            default:
                var format = InputType == "date" ? "{0:yyyy-MM-dd}" : null;
                var value = For.Model is IFormattable formattable && format is null
                    ? formattable.ToString(null, CultureInfo.InvariantCulture)
                    : For.Model;
                var input = generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, value, format, htmlAttributes: null);
                input.MergeAttribute("type", InputType, replaceExisting: true);
                return input;
        }
    }
}
