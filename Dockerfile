# Serving image (default target) and trainer image (--target trainer) for SentimentApi.
# Base images are build arguments so that a mirror or a local copy can stand in for them.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG ASPNET_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime:10.0

# Project files only: the restore layers below stay cached until a dependency changes.
FROM ${SDK_IMAGE} AS sources
WORKDIR /src
COPY SentimentApi.sln Directory.Build.props Directory.Build.targets Directory.Packages.props global.json ./
# imported by Directory.Build.targets (lets TorchSharp load where libstdc++ predates GCC 13)
COPY build/ build/
COPY src/Sentiment.Core/Sentiment.Core.csproj src/Sentiment.Core/
COPY src/Sentiment.Inference/Sentiment.Inference.csproj src/Sentiment.Inference/
COPY src/Sentiment.Api/Sentiment.Api.csproj src/Sentiment.Api/
COPY src/Sentiment.Trainer/Sentiment.Trainer.csproj src/Sentiment.Trainer/

# Only the API is restored and published here, so TorchSharp and libtorch never reach the serving image.
FROM sources AS api-build
ARG TARGETARCH
RUN dotnet restore src/Sentiment.Api/Sentiment.Api.csproj -a "${TARGETARCH:-amd64}"
COPY src/Sentiment.Core/ src/Sentiment.Core/
COPY src/Sentiment.Inference/ src/Sentiment.Inference/
COPY src/Sentiment.Api/ src/Sentiment.Api/
RUN dotnet publish src/Sentiment.Api/Sentiment.Api.csproj -c Release -a "${TARGETARCH:-amd64}" \
      --self-contained false --no-restore -p:UseAppHost=false -o /app

# libtorch is published for linux-x64 only.
FROM sources AS trainer-build
RUN dotnet restore src/Sentiment.Trainer/Sentiment.Trainer.csproj -r linux-x64
COPY src/ src/
RUN dotnet publish src/Sentiment.Trainer/Sentiment.Trainer.csproj -c Release -r linux-x64 \
      --self-contained false --no-restore -p:UseAppHost=false -o /app

# docker compose --profile train run trainer train --data /data/train.csv --output /models/my-model
FROM ${RUNTIME_IMAGE} AS trainer
WORKDIR /app
COPY --from=trainer-build /app ./
# Transparent huge pages for glibc's heap: libtorch's big per-step buffers then fault in 2 MiB at a
# time, not 4 KiB, and an epoch over long reviews takes about a third less time (see README).
ENV HOME=/tmp DOTNET_CLI_TELEMETRY_OPTOUT=1 GLIBC_TUNABLES=glibc.malloc.hugetlb=1
USER $APP_UID
ENTRYPOINT ["dotnet", "/app/sentiment-trainer.dll"]
CMD ["--help"]

# The serving image: the last stage, so a plain `docker build .` produces it.
FROM ${ASPNET_IMAGE} AS api
WORKDIR /app
COPY --from=api-build /app ./
# The three files the service loads from each shipped bundle (nothing else in models/): the default
# English one, and the Chinese one in its sub-folder, served beside it. Mount another folder over
# /app/models, or set Model__Path, to serve different bundles.
COPY models/model.json models/sentiment.onnx models/vocab.json ./models/
COPY models/zh/model.json models/zh/sentiment.onnx models/zh/vocab.json ./models/zh/
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# The aspnet image has no curl: the service binary probes itself, on the port that
# ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS gives (exit code 0 when ready, 1 otherwise).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["dotnet", "/app/Sentiment.Api.dll", "--probe", "/health/ready"]
USER $APP_UID
ENTRYPOINT ["dotnet", "/app/Sentiment.Api.dll"]
