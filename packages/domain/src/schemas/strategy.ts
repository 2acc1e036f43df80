// Zod input schemas for this area, shared by the API and the forms.
export {};
