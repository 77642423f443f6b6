"""The playground's own models: the seed document's Django snippets, section by section.

The order of the classes is the order of the schema's types and root fields. Models refer
ahead by name in quotes ("Car"), as Django allows.
"""

from django.db import models


# Many-to-one, read from the book's side: many books have one author.
class Author(models.Model):
    name = models.CharField(max_length=100)


class Book(models.Model):
    title = models.CharField(max_length=100)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)


class Customer(models.Model):
    name = models.CharField(max_length=100)


class Order(models.Model):
    reference = models.CharField(max_length=20, unique=True)
    # PROTECT: a customer cannot be deleted while an order refers to it.
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT)


class Supplier(models.Model):
    name = models.CharField(max_length=100)


# Many-to-many: course.students.add(alice, bob); alice.course_set.all().
# A student may attend a school: school.students is the reverse of Student.school.
class School(models.Model):
    name = models.CharField(max_length=100)


class Student(models.Model):
    name = models.CharField(max_length=100)
    school = models.ForeignKey("School", on_delete=models.SET_NULL, null=True, related_name="students")


class Course(models.Model):
    name = models.CharField(max_length=100)
    students = models.ManyToManyField(Student)


class Group(models.Model):
    name = models.CharField(max_length=150, unique=True)


class Tag(models.Model):
    name = models.CharField(max_length=50, unique=True)


# One-to-many: a manufacturer makes many cars (manufacturer.car_set).
class Article(models.Model):
    headline = models.CharField(max_length=100)
    tags = models.ManyToManyField("Tag")


class Manufacturer(models.Model):
    name = models.CharField(max_length=100)


class Car(models.Model):
    model_name = models.CharField(max_length=100)
    manufacturer = models.ForeignKey(Manufacturer, on_delete=models.CASCADE)


class Category(models.Model):
    name = models.CharField(max_length=100)

    class Meta:
        verbose_name_plural = "categories"


class Comment(models.Model):
    text = models.CharField(max_length=1000)
    article = models.ForeignKey(Article, on_delete=models.CASCADE)


class Product(models.Model):
    name = models.CharField(max_length=100)
    category = models.ForeignKey(Category, on_delete=models.CASCADE)
    supplier = models.ForeignKey("Supplier", on_delete=models.SET_NULL, null=True)


# One-to-one: a person has at most one passport (person.passport).
class Person(models.Model):
    name = models.CharField(max_length=100)

    class Meta:
        verbose_name_plural = "people"


class Passport(models.Model):
    passport_number = models.CharField(max_length=20)
    person = models.OneToOneField(Person, on_delete=models.CASCADE)


class User(models.Model):
    username = models.CharField(max_length=150, unique=True)
    groups = models.ManyToManyField("Group")


class Profile(models.Model):
    address = models.CharField(max_length=255)
    date_of_birth = models.DateField(null=True)
    user = models.OneToOneField(User, on_delete=models.CASCADE)


class RegistrationCertificate(models.Model):
    number = models.CharField(max_length=20, unique=True)
    issued_on = models.DateField()
    car = models.OneToOneField("Car", on_delete=models.CASCADE)


# Reverse relations: related_name names the accessor (parent.children).
class Parent(models.Model):
    name = models.CharField(max_length=100)


class Child(models.Model):
    name = models.CharField(max_length=100)
    parent = models.ForeignKey(Parent, on_delete=models.CASCADE, related_name="children")

    class Meta:
        verbose_name_plural = "children"


class Company(models.Model):
    name = models.CharField(max_length=100)

    class Meta:
        verbose_name_plural = "companies"


class Employee(models.Model):
    name = models.CharField(max_length=100)
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="employees")
