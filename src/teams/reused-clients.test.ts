import { type Activity, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, type TurnContext } from "botbuilder";
import { AuthenticationConstants, ClaimsIdentity } from "botframework-connector";
import { describe, expect, it } from "vitest";
import { MAX_REUSED_CLIENTS, ReusingAuthentication, ReusingTeamsAdapter } from "./reused-clients.js";

const activity = (serviceUrl: string) =>
  ({
    type: "message",
    text: "hvem laver lønsedler",
    channelId: "msteams",
    serviceUrl,
    from: { id: "user" },
    recipient: { id: "bot" },
    conversation: { id: "conversation" },
  }) as Activity;

describe("connector clients reused across turns", () => {
  it("gives two turns to the same service URL one connector and one user token client", async () => {
    const adapter = new ReusingTeamsAdapter({});
    const clients: unknown[][] = [];
    const turn = (serviceUrl: string) =>
      adapter.processActivityDirect("", activity(serviceUrl), async (context: TurnContext) => {
        clients.push([context.turnState.get(adapter.ConnectorClientKey), context.turnState.get(adapter.UserTokenClientKey)]);
      });
    await turn("https://smba.example/emea/");
    await turn("https://smba.example/emea/");
    await turn("https://smba.example/amer/");
    const [first, second, other] = clients;
    expect(first?.[0]).toBeDefined();
    expect(second?.[0]).toBe(first?.[0]);
    expect(second?.[1]).toBe(first?.[1]);
    expect(other?.[0]).not.toBe(first?.[0]);
  });

  it("keeps clients per app id: a token for another app never gets this bot's client", async () => {
    const config = { MicrosoftAppId: "bot-app", MicrosoftAppPassword: "secret", MicrosoftAppTenantId: "tenant", MicrosoftAppType: "SingleTenant" };
    const auth = new ReusingAuthentication(
      new ConfigurationBotFrameworkAuthentication(config, new ConfigurationServiceClientCredentialFactory(config)),
    );
    const claims = (appId: string) => new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);
    const url = "https://smba.example/emea/";
    const own = await auth.createConnectorFactory(claims("bot-app")).create(url);
    expect(await auth.createConnectorFactory(claims("bot-app")).create(url)).toBe(own);
    await expect(auth.createConnectorFactory(claims("other-app")).create(url)).rejects.toThrow(/Invalid appId/);
    await expect(auth.createConnectorFactory(claims("other-app")).create(url)).rejects.toThrow(/Invalid appId/);
    expect(await auth.createUserTokenClient(claims("bot-app"))).toBe(await auth.createUserTokenClient(claims("bot-app")));
  });

  it("keeps a bounded number of clients, however many service URLs requests name", async () => {
    const auth = new ReusingAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const connectorFor = async (serviceUrl: string) => {
      const result = await auth.authenticateRequest(activity(serviceUrl), "");
      return result.connectorFactory?.create(serviceUrl, result.audience);
    };
    const first = await connectorFor("https://made-up.example/0");
    expect(await connectorFor("https://made-up.example/0")).toBe(first);
    for (let i = 1; i <= MAX_REUSED_CLIENTS; i++) await connectorFor(`https://made-up.example/${i}`);
    expect(await connectorFor("https://made-up.example/0")).not.toBe(first);
  });
});
