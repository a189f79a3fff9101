# Multi-stage build of the sdstream host. `docker compose up` builds it; nothing else is needed on the machine.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/SociaalDomein.Cli/SociaalDomein.Cli.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app .
# Run as the image's unprivileged user; the host needs no root.
USER $APP_UID
ENTRYPOINT ["dotnet", "sdstream.dll"]
CMD ["serve"]
