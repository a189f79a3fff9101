# Multi-stage build of the sdstream host. `docker compose up --build` builds it; nothing else is needed on the machine.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Only what the host is built from (tests and load tests stay out), so a test change does not rebuild the image.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/ src/
RUN dotnet publish src/SociaalDomein.Cli/SociaalDomein.Cli.csproj -c Release -o /app --nologo

# The host serves health, metrics and the API over HTTP, so it runs on the ASP.NET Core runtime.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Run as the image's unprivileged user; the host needs no root.
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "sdstream.dll"]
CMD ["serve"]
