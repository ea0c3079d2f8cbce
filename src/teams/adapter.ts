/**
 * The adapter for the configured app: with an app id every request must carry a
 * valid Bot Framework token; without one (local mode) requests are not authenticated.
 */
import { CallerIdConstants, ConfigurationServiceClientCredentialFactory } from "botbuilder";
import { AuthenticationConstants } from "botframework-connector";
import type { Config } from "../config/config.js";
import { ReusingTeamsAdapter } from "./reused-clients.js";

export type AppConfig = Pick<Config, "MicrosoftAppId" | "MicrosoftAppPassword" | "MicrosoftAppTenantId" | "MicrosoftAppType">;

/** openIdMetadataUrl: where the token signing keys are published; botbuilder's default unless set. */
export function createAdapter(config: AppConfig, openIdMetadataUrl?: string): ReusingTeamsAdapter {
  const auth = config.MicrosoftAppId
    ? {
        MicrosoftAppId: config.MicrosoftAppId,
        MicrosoftAppPassword: config.MicrosoftAppPassword ?? "",
        MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? "",
        MicrosoftAppType: config.MicrosoftAppType,
        ...(openIdMetadataUrl ? publicCloudWithKeysAt(openIdMetadataUrl) : {}),
      }
    : {};
  return new ReusingTeamsAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
}

/** botbuilder takes the public cloud's endpoints all together or not at all; only the keys' differs. */
function publicCloudWithKeysAt(openIdMetadataUrl: string) {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
