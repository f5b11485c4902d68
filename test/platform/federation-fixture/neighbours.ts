// The two other subgraphs the products fixture composes with: what @override, @requires/@external,
// @provides, @extends, @interfaceObject and @shareable need on the other side. Plain SDL, as any team's.

export const users = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable"])

type User @key(fields: "email") {
  email: ID!
  name: String
  totalProductsCreated: Int @shareable
  yearsOfEmployment: Int!
}

type Query {
  user(email: ID!): User
}
`;

export const inventory = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable"])

interface Inventory @key(fields: "id") {
  id: ID!
}

type Warehouse implements Inventory @key(fields: "id") {
  id: ID!
  location: String!
  dimensions: ProductDimension
}

type ProductDimension @shareable {
  size: String
  weight: Float
}

type Query {
  warehouses: [Warehouse!]!
}
`;
