import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPanel } from "#app/components/error-panel";
import { useNonce } from "#app/utils/nonce-provider";
import stylesHref from "#app/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Parallax" }];

export async function loader({ context }: LoaderFunctionArgs) {
  return { user: context.user ? { username: context.user.username, role: context.user.role } : null, authEnabled: Boolean(context.authEnabled) };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const root = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <header className="site-header">
          <Link to="/" className="brand">
            Parallax
          </Link>
          <nav aria-label="Main">
            <NavLink to="/" end>
              Comparisons
            </NavLink>
            <NavLink to="/library">Library</NavLink>
            <NavLink to="/articles/new">Add article</NavLink>
            <NavLink to="/import">Import</NavLink>
            <NavLink to="/methods">Methods</NavLink>
          </nav>
          {root?.user ? (
            <Form method="post" action="/logout" className="session ui">
              <span className="meta">
                {root.user.username} ({root.user.role})
              </span>{" "}
              {root.user.role === "owner" ? <Link to="/accounts">Accounts</Link> : null}{" "}
              <button className="link">Sign out</button>
            </Form>
          ) : root?.authEnabled ? (
            <Link to="/login" className="session ui">
              Sign in
            </Link>
          ) : null}
        </header>
        <main className="site-main">{children}</main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
