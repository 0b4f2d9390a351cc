import { Form } from "@remix-run/react";
import type { CSSProperties, ReactNode } from "react";

/**
 * A one-button form that posts fixed values (withdraw a correction, adopt another coder's value): the values as
 * hidden fields in the order given, those that are null or undefined left out.
 */
export function PostButton({
  fields,
  children,
  style,
}: {
  fields: Record<string, string | number | null | undefined>;
  children: ReactNode;
  style?: CSSProperties;
}) {
  return (
    <Form method="post" style={style}>
      {Object.entries(fields).map(([name, value]) =>
        value === null || value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}{" "}
      <button type="submit">{children}</button>
    </Form>
  );
}
