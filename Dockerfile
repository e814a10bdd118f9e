# The site as a container image (used by docker-compose.dev.yml). Build: docker build -t servicebooking .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY ServiceBooking.Domain/ServiceBooking.Domain.csproj ServiceBooking.Domain/
COPY ServiceBooking.Web/ServiceBooking.Web.csproj ServiceBooking.Web/
RUN dotnet restore ServiceBooking.Web/ServiceBooking.Web.csproj
COPY ServiceBooking.Domain/ ServiceBooking.Domain/
COPY ServiceBooking.Web/ ServiceBooking.Web/
RUN dotnet publish ServiceBooking.Web/ServiceBooking.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "ServiceBooking.Web.dll"]
